-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "check constraints, different names & order" (adapted to MariaDB 10.11)
create table t1 (id int primary key, i int, constraint `check1` CHECK ((`i` < 5)), constraint `check2` CHECK ((`i` > 2)));
INSERT INTO t1 VALUES (1,3);
