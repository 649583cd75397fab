-- a property SHOW CREATE TABLE prints on MariaDB 10.11 (stats_persistent): it must be compared, recorded or reported
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a int) STATS_PERSISTENT=0 STATS_AUTO_RECALC=1 STATS_SAMPLE_PAGES=20;
