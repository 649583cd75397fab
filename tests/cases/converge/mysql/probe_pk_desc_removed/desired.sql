CREATE TABLE t1 (id int NOT NULL, a int, PRIMARY KEY (id, a));
CREATE TABLE t2 (code varchar(50) NOT NULL, PRIMARY KEY (code));
