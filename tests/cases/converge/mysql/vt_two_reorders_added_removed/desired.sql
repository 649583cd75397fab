-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "two reorders, added and removed columns" (adapted to MariaDB 10.11)
create table t1 (g int, id int primary key, h int, b int, a int, i int, e int, d int, j int, f int, k int);
