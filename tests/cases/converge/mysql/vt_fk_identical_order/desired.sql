-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "ignore different foreign key order" (adapted to MariaDB 10.11)
create table parent (id int primary key);
create table parent2 (id int primary key);
create table t1 (id int primary key, i int, i2 int, constraint f2 foreign key (i2) references parent2(id) on delete restrict, constraint f foreign key (i) references parent(id) on delete restrict);
