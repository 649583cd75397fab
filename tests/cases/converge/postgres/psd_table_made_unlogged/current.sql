-- a scratch queue table set UNLOGGED
CREATE TABLE scratch_jobs (id int PRIMARY KEY, payload text);
INSERT INTO scratch_jobs VALUES (1, 'x');
