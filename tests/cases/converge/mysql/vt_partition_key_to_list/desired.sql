-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "change partitioning list" (adapted to MariaDB 10.11)
create table t1 (id int primary key) partition by list (id) (partition p1 values in(11,21), partition p2 values in (12,22));
