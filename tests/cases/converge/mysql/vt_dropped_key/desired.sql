-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "dropped key" (adapted to MariaDB 10.11)
create table t1 (`id` int primary key, i int);
