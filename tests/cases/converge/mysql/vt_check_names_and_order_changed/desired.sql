-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "check constraints, different names & order" (adapted to MariaDB 10.11)
create table t1 (id int primary key, i int, constraint `chk_123abc` CHECK ((`i` > 2)), constraint `chk_789def` CHECK ((`i` < 5)));
