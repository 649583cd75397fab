CREATE TABLE jobs (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE old_jobs (id bigint PRIMARY KEY, payload jsonb);
INSERT INTO jobs VALUES (1, 'import');
INSERT INTO old_jobs VALUES (1, '{"a": 1}');
