CREATE TABLE jobs (id bigint PRIMARY KEY, name text NOT NULL);
INSERT INTO jobs VALUES (1, 'import');
