-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "change partitioning list" (adapted to MariaDB 10.11)
create table t1 (id int primary key) partition by key (id) partitions 2;
INSERT INTO t1 VALUES (11),(22);
