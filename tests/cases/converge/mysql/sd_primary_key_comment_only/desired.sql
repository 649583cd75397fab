-- the same primary key, only its comment differs
CREATE TABLE lockers (row_no int NOT NULL, col_no int NOT NULL, PRIMARY KEY (row_no, col_no) COMMENT 'row, then column');
