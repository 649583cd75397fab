-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "ignore AUTO_INCREMENT change" (adapted to MariaDB 10.11)
create table t1 (id int auto_increment primary key) AUTO_INCREMENT=100;
