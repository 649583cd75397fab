CREATE TABLE users (id bigint PRIMARY KEY);
CREATE TABLE jobs (id bigint PRIMARY KEY, owner_id bigint CONSTRAINT jobs_owner_id_fkey REFERENCES users (id));
INSERT INTO users VALUES (1);
INSERT INTO jobs VALUES (1, 1);
