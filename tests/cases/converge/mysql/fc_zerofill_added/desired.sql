-- a column gains ZEROFILL (and so UNSIGNED)
CREATE TABLE vouchers (id int PRIMARY KEY, code int(6) unsigned zerofill NOT NULL);
