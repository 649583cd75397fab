CREATE TABLE jobs (id integer PRIMARY KEY, attempts integer NOT NULL DEFAULT 0);
INSERT INTO jobs VALUES (1, 3), (2, 0);
