CREATE TABLE jobs (id bigint PRIMARY KEY, code text NOT NULL, CONSTRAINT code_uq UNIQUE (code));
INSERT INTO jobs VALUES (1, 'a');
