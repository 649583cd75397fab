CREATE TABLE users (id bigint NOT NULL PRIMARY KEY);
CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, owner_id bigint, KEY jobs_owner_id_idx (owner_id), CONSTRAINT owner_fk FOREIGN KEY (owner_id) REFERENCES users (id));
