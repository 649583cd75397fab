-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "reordered key, no diff, 2" (adapted to MariaDB 10.11)
create table t1 (`id` int, i int, key i2_idx (`i`, id), key i_idx ( i ), primary key(id) );
