CREATE TABLE p (id int NOT NULL PRIMARY KEY, code varchar(20), UNIQUE KEY uc (code, id));
CREATE TABLE c (id int NOT NULL PRIMARY KEY, pid int, CONSTRAINT fk FOREIGN KEY (pid) REFERENCES p (id));
