-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "modify foreign key" (adapted to MariaDB 10.11)
create table parent (id int primary key);
create table t1 (id int primary key, i int, constraint f foreign key (i) references parent(id) on delete set null);
