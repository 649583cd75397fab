-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "check constraints, remove, strict" (adapted to MariaDB 10.11)
create table t1 (id int primary key, i int, constraint `check1` CHECK ((`i` < 5)), constraint `check2` CHECK ((`i` > 2)));
