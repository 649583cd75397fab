-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "change partitioning hash" (adapted to MariaDB 10.11)
create table t1 (id int primary key) partition by hash (id) partitions 5;
