-- a one-to-one legacy mapping to an absent label: ALTER TYPE ... RENAME VALUE
CREATE TYPE job_status AS ENUM ('pending', 'done');
CREATE TABLE jobs (id bigint PRIMARY KEY, status job_status NOT NULL);
INSERT INTO jobs VALUES (1, 'pending'), (2, 'done');
