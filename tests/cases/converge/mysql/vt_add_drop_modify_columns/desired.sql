-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "added column, dropped column, modified column" (adapted to MariaDB 10.11)
create table t1 (id int primary key, ts timestamp null, `i` bigint unsigned default null);
