-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "added column and key" (adapted to MariaDB 10.11)
create table t1 (`id` int primary key);
INSERT INTO t1 VALUES (1);
