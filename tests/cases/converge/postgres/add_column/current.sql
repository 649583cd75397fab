-- a new nullable column is added; existing rows keep their values
CREATE TABLE jobs (id bigint PRIMARY KEY, name text NOT NULL);
INSERT INTO jobs VALUES (1, 'import'), (2, 'export');
