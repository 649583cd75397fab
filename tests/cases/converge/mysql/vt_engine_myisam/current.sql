-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "normalized ENGINE MyISAM value" (adapted to MariaDB 10.11)
create table t1 (id int primary key) character set=utf8;
INSERT INTO t1 VALUES (1);
