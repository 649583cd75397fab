-- a NOT NULL column without a default cannot be added to a table with rows: the plan refuses
CREATE TABLE jobs (id bigint PRIMARY KEY, name text NOT NULL);
INSERT INTO jobs VALUES (1, 'import');
