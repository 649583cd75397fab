-- ZEROFILL goes from a column that keeps its width
CREATE TABLE invoices (id int PRIMARY KEY, number int(8) unsigned zerofill NOT NULL);
INSERT INTO invoices VALUES (1, 42);
