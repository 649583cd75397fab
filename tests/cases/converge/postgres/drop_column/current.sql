CREATE TABLE jobs (id bigint PRIMARY KEY, name text NOT NULL, legacy_flag boolean DEFAULT false);
INSERT INTO jobs VALUES (1, 'import', true), (2, 'export', false);
