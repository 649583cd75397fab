-- after skeema internal/tengo/testdata/coltypes-maria.sql (MariaDB's inet6, inet4 and uuid column types)
CREATE TABLE endpoints (id int unsigned NOT NULL PRIMARY KEY);
INSERT INTO endpoints VALUES (1);
