-- a property SHOW CREATE TABLE prints on MariaDB 10.11 (event): it must be compared, recorded or reported
CREATE TABLE t1 (id int PRIMARY KEY); CREATE EVENT e1 ON SCHEDULE EVERY 1 DAY DO DELETE FROM t1;
