-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "added column first, reorder column" (adapted to MariaDB 10.11)
create table t1 (x int, a int, id int primary key);
