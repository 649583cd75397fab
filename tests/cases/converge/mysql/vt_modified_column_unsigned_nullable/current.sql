-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "modified column" (adapted to MariaDB 10.11)
create table t1 (id int primary key, `i` int not null default 0);
INSERT INTO t1 VALUES (1, 7);
