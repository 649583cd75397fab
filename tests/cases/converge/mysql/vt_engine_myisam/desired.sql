-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "normalized ENGINE MyISAM value" (adapted to MariaDB 10.11)
create table t1 (id int primary key) engine=myisam, character set=utf8;
