-- after atlas internal/integration/testdata/mysql/index-prefix.txtar (the key loses its prefix as the column narrows to fit)
CREATE TABLE hosts (id int PRIMARY KEY, hostname varchar(255) NOT NULL, KEY hostname_key (hostname(128)));
INSERT INTO hosts VALUES (1, 'a.example');
