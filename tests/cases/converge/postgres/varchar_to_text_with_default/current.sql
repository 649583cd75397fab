CREATE TABLE jobs (id bigint PRIMARY KEY, status varchar(20) NOT NULL DEFAULT 'new');
INSERT INTO jobs VALUES (1, 'new'), (2, 'old');
