CREATE TABLE jobs (id bigint PRIMARY KEY, tenant text NOT NULL);
INSERT INTO jobs VALUES (1, 't1');
