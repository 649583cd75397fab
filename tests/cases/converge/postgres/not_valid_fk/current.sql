CREATE TABLE users (id bigint PRIMARY KEY);
CREATE TABLE jobs (id bigint PRIMARY KEY, owner_id bigint);
INSERT INTO users VALUES (1);
INSERT INTO jobs VALUES (1, 1);
ALTER TABLE jobs ADD CONSTRAINT jobs_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES users (id) NOT VALID;
