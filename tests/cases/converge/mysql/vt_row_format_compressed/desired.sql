-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "add table option 1" (adapted to MariaDB 10.11)
create table t1 (id int primary key) row_format=compressed;
