-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "reordered key, add key" (adapted to MariaDB 10.11)
create table t1 (`id` int primary key, i int, key i2_idx (`i`, id), key i_idx3(id), key i_idx ( i ) );
