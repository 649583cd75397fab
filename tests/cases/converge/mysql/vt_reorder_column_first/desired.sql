-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "reorder column, first" (adapted to MariaDB 10.11)
create table t1 (c int, id int primary key, a int, b int, d int);
