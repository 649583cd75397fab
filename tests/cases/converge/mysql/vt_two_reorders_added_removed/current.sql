-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "two reorders, added and removed columns" (adapted to MariaDB 10.11)
create table t1 (id int primary key, a int, b int, c int, d int, e int, f int);
INSERT INTO t1 VALUES (1,2,3,4,5,6,7);
