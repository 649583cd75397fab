CREATE TABLE jobs (id bigint PRIMARY KEY, code text NOT NULL);
INSERT INTO jobs VALUES (1, 'b'), (2, 'A');
