-- a NOT NULL column with a default is added to a table that holds rows
CREATE TABLE jobs (id bigint PRIMARY KEY, name text NOT NULL);
INSERT INTO jobs VALUES (1, 'import'), (2, 'export'), (3, 'sync');
