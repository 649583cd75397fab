-- a NOT NULL SET column without a default, added to a table with rows: refused, naming the rows (sqldef AlterTableAddSetTypeColumn, in other words)
CREATE TABLE shifts (id bigint PRIMARY KEY);
INSERT INTO shifts VALUES (1), (2);
