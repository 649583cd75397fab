-- after skeema internal/tengo/testdata/default-expr-maria.sql (columns gain default expressions reading other columns, functions and intervals)
CREATE TABLE defaults_demo (pk varchar(40) NOT NULL PRIMARY KEY, a int, b int, d varchar(100), e varchar(200), due date, seen timestamp(4) NULL);
INSERT INTO defaults_demo (pk, a) VALUES ('x', 2);
