-- a column with a default moves from latin1 to utf8mb4 inside a utf8mb4 table
CREATE TABLE labels (id int PRIMARY KEY, tag varchar(20) NOT NULL DEFAULT 'none');
