-- a property SHOW CREATE TABLE prints on MariaDB 10.11 (bit_year): it must be compared, recorded or reported
CREATE TABLE t1 (id int PRIMARY KEY, b bit(1), y year);
