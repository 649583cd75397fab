-- function defaults audit clean against the same database
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, u char(36) DEFAULT (uuid()), v varchar(40) DEFAULT (concat('a', 'b')), n int DEFAULT (1 + 1), d date DEFAULT (curdate()), b binary(16) DEFAULT (unhex(replace(uuid(), '-', ''))));
