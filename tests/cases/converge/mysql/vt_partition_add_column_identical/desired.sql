-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "identical partitioning" (adapted to MariaDB 10.11)
create table t1 (id int primary key, a int) partition by hash (id) partitions 4;
