-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "reorder column, far jump" (adapted to MariaDB 10.11)
create table t1 (a int, b int, c int, d int, id int primary key);
