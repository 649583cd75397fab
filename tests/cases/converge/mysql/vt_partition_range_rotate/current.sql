-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "change partitioning range: rotate" (adapted to MariaDB 10.11)
create table t1 (id int primary key) partition by range (id) (partition p1 values less than (10), partition p2 values less than (20), partition p3 values less than (30));
INSERT INTO t1 VALUES (15),(25);
