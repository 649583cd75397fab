CREATE TABLE users (id integer PRIMARY KEY);
CREATE TABLE jobs (id integer PRIMARY KEY, owner_id integer CONSTRAINT jobs_owner_id_fkey REFERENCES users (id));
INSERT INTO users VALUES (1), (2);
INSERT INTO jobs VALUES (1, 1), (2, 2);
