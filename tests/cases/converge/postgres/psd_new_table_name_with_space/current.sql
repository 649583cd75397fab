-- the fix creates "jobs archive": a quoted name whose first word is a table the database already has
CREATE TABLE jobs (id bigint PRIMARY KEY, state text NOT NULL);
INSERT INTO jobs VALUES (1, 'done');
