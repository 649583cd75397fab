CREATE TABLE jobs (id bigint PRIMARY KEY, total integer NOT NULL, CONSTRAINT jobs_total_range CHECK (total >= 0));
INSERT INTO jobs VALUES (1, 0), (2, 10);
