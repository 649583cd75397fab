-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "reorder column and change data type" (adapted to MariaDB 10.11)
create table t1 (id int primary key, a int, c bigint, b int, d int);
