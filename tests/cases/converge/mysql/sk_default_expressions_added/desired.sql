-- after skeema internal/tengo/testdata/default-expr-maria.sql (columns gain default expressions reading other columns, functions and intervals)
CREATE TABLE defaults_demo (pk varchar(40) NOT NULL PRIMARY KEY, a int DEFAULT 4, b int DEFAULT (a * a), d varchar(100) DEFAULT 'hello',
    e varchar(200) DEFAULT (concat(d, ' world''s')), due date DEFAULT (curdate() + interval 1 month), seen timestamp(4) NULL DEFAULT current_timestamp(4));
