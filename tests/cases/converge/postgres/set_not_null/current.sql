CREATE TABLE jobs (id bigint PRIMARY KEY, name text);
INSERT INTO jobs VALUES (1, 'import'), (2, 'export');
