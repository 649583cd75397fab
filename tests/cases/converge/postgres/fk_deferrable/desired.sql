CREATE TABLE users (id bigint PRIMARY KEY);
CREATE TABLE jobs (id bigint PRIMARY KEY, owner_id bigint CONSTRAINT jobs_owner_id_fkey REFERENCES users (id) DEFERRABLE INITIALLY DEFERRED);
