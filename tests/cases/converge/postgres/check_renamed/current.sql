CREATE TABLE jobs (id bigint PRIMARY KEY, total integer NOT NULL, CONSTRAINT total_ok CHECK (total >= 0));
INSERT INTO jobs VALUES (1, 1);
