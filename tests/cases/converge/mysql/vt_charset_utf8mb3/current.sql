-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "normalized CHARSET utf8 value" (adapted to MariaDB 10.11)
create table t1 (id int primary key, name varchar(20)) engine=innodb;
INSERT INTO t1 VALUES (1, 'x');
