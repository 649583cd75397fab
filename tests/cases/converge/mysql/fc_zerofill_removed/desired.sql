-- ZEROFILL goes from a column that keeps its width
CREATE TABLE invoices (id int PRIMARY KEY, number int(8) unsigned NOT NULL);
