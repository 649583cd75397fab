-- a column gains ZEROFILL (and so UNSIGNED)
CREATE TABLE vouchers (id int PRIMARY KEY, code int(6) unsigned NOT NULL);
INSERT INTO vouchers VALUES (1, 42);
