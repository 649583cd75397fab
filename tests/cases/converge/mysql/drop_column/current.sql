CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, name varchar(100) NOT NULL, legacy tinyint(1) DEFAULT 0);
INSERT INTO jobs VALUES (1, 'import', 1);
