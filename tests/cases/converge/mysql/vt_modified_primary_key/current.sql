-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "modified primary key" (adapted to MariaDB 10.11)
create table t1 (`id` int, i int, primary key(id), key i_idx(i));
INSERT INTO t1 VALUES (1, 1), (2, 2);
