CREATE TABLE users (id bigint NOT NULL PRIMARY KEY, email varchar(100) NOT NULL);
CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, owner_id bigint, status enum('queued','done') NOT NULL DEFAULT 'queued', legacy varchar(20), KEY jobs_legacy_idx (legacy));
INSERT INTO users VALUES (1, 'a@example.com');
INSERT INTO jobs VALUES (1, 1, 'queued', 'x'), (2, NULL, 'done', NULL);
