CREATE TABLE users (id bigint PRIMARY KEY, email varchar(100) NOT NULL);
CREATE TABLE jobs (id bigint PRIMARY KEY, owner_id bigint, status text NOT NULL DEFAULT 'queued', legacy text);
CREATE INDEX jobs_legacy_idx ON jobs (legacy);
INSERT INTO users VALUES (1, 'a@example.com');
INSERT INTO jobs VALUES (1, 1, 'queued', 'x'), (2, NULL, 'done', NULL);
