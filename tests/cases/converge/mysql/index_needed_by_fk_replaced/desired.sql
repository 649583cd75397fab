CREATE TABLE users (id bigint NOT NULL PRIMARY KEY);
CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, owner_id bigint, created_at datetime, KEY jobs_owner_created_idx (owner_id, created_at), CONSTRAINT jobs_owner_id_fk FOREIGN KEY (owner_id) REFERENCES users (id));
