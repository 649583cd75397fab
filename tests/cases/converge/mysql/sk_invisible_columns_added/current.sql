-- after skeema internal/tengo/testdata/inviscols.sql (an invisible key column, an invisible defaulted one and an invisible generated one)
CREATE TABLE visitors (first_name varchar(40) NOT NULL, last_name varchar(40));
INSERT INTO visitors VALUES ('a', 'b');
