-- after skeema internal/tengo/testdata/maria108.sql (keys whose parts turn descending (MariaDB 10.8))
CREATE TABLE ledger (a int NOT NULL PRIMARY KEY, b int, d int, KEY by_d_b (d, b), KEY by_all (a, b, d));
INSERT INTO ledger VALUES (1, 2, 3);
