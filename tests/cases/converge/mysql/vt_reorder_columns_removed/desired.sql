-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "reorder column, far jump, another reorder, removed columns" (adapted to MariaDB 10.11)
create table t1 (a int, c int, f int, e int, id int primary key, g int);
