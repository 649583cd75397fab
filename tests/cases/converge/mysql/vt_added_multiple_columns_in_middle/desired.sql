-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "added multiple column in middle" (adapted to MariaDB 10.11)
create table t1 (w int, x int, id int primary key, y int, a int, z int);
