-- from vitessio/vitess go/vt/schemadiff/table_test.go TestCreateTableDiff: "reordered key, no diff 4" (adapted to MariaDB 10.11)
CREATE TABLE `pets` (`id` int, `name` VARCHAR(255), `login` VARCHAR(255), PRIMARY KEY (`id`), KEY (`name`), KEY login (login, name) );
