-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "added column in middle, add column on end, reorder column 2" (adapted to MariaDB 10.11)
create table t1 (id int primary key, a int, c int, x int, b int, d int, y int);
