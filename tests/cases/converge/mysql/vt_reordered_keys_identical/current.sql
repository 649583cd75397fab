-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "reordered key, no diff, 2" (adapted to MariaDB 10.11)
create table t1 (`id` int, i int, primary key(id), key i_idx(i), key i2_idx(i, `id`));
