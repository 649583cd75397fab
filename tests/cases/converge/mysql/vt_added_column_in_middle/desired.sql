-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "added column in middle" (adapted to MariaDB 10.11)
create table t1 (id int primary key, a int, b int, x int, c int, d int);
