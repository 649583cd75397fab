-- MySQL refuses to drop the index a foreign key uses until another index can serve it
CREATE TABLE users (id bigint NOT NULL PRIMARY KEY);
CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, owner_id bigint, created_at datetime, KEY jobs_owner_idx (owner_id), CONSTRAINT jobs_owner_id_fk FOREIGN KEY (owner_id) REFERENCES users (id));
INSERT INTO users VALUES (1);
INSERT INTO jobs VALUES (1, 1, NULL);
