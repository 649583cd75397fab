-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "added column, dropped column, modified column" (adapted to MariaDB 10.11)
create table t1 (id int primary key, `i` int not null default 0, c char(3) default '');
INSERT INTO t1 (id, i, c) VALUES (1, 3, 'abc');
