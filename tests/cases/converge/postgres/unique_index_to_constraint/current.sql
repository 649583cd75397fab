-- a unique index becomes the UNIQUE constraint of the same name (ADD CONSTRAINT ... USING INDEX)
CREATE TABLE jobs (id bigint PRIMARY KEY, code text NOT NULL);
CREATE UNIQUE INDEX jobs_code_key ON jobs (code);
INSERT INTO jobs VALUES (1, 'a'), (2, 'b');
