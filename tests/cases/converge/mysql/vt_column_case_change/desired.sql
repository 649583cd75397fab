-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "column case change" (adapted to MariaDB 10.11)
create table t (Id int not null, primary key(id));
