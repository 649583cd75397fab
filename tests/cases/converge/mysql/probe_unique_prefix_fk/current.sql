-- a UNIQUE prefix key a foreign key needs, widened to the whole column
CREATE TABLE p (id int NOT NULL PRIMARY KEY, code varchar(20), UNIQUE KEY uc (code(5), id));
CREATE TABLE c (id int NOT NULL PRIMARY KEY, pid int, CONSTRAINT fk FOREIGN KEY (pid) REFERENCES p (id));
INSERT INTO p VALUES (1, 'abcdef');
