CREATE TABLE jobs (id bigint PRIMARY KEY, priority text NOT NULL DEFAULT '5');
INSERT INTO jobs VALUES (1, '1');
