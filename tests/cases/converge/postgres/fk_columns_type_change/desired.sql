CREATE TABLE users (id bigint PRIMARY KEY);
CREATE TABLE jobs (id integer PRIMARY KEY, owner_id bigint CONSTRAINT jobs_owner_id_fkey REFERENCES users (id));
