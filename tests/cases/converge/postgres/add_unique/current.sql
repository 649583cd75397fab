CREATE TABLE jobs (id bigint PRIMARY KEY, code text NOT NULL);
INSERT INTO jobs VALUES (1, 'a'), (2, 'b');
