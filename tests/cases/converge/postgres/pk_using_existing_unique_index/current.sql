-- a primary key is added over an equivalent unique index: ADD PRIMARY KEY USING INDEX takes the index over, nothing is dropped
CREATE TABLE jobs (id bigint NOT NULL, name text);
CREATE UNIQUE INDEX jobs_id_idx ON jobs (id);
INSERT INTO jobs VALUES (1, 'a'), (2, 'b');
