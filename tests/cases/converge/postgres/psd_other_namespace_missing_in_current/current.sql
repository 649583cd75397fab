-- the jobs table alone; the desired database also keeps a billing namespace no module declares
CREATE TABLE jobs (id bigint PRIMARY KEY, kind text NOT NULL);
INSERT INTO jobs VALUES (1, 'mail');
