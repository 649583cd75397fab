-- after atlas internal/integration/testdata/mysql/index-prefix.txtar (the key loses its prefix as the column narrows to fit)
CREATE TABLE hosts (id int PRIMARY KEY, hostname varchar(128) NOT NULL, KEY hostname_key (hostname));
