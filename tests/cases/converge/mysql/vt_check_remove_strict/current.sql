-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "check constraints, remove, strict" (adapted to MariaDB 10.11)
create table t1 (id int primary key, i int, constraint `chk_123abc` CHECK ((`i` > 2)), constraint `check3` CHECK ((`i` != 3)), constraint `chk_789def` CHECK ((`i` < 5)));
INSERT INTO t1 VALUES (1,4);
