-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "identical, case and column qualifiers" (adapted to MariaDB 10.11)
create TABLE t (id int primary key, `i` int not null default 0);
