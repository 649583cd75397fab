-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "change table charset" (adapted to MariaDB 10.11)
create table t (id int primary key, t1 varchar(128) default null, t2 varchar(128) not null, t3 tinytext charset latin1, t4 tinytext charset latin1) default charset=utf8;
INSERT INTO t VALUES (1, 'a', 'b', 'c', 'd');
