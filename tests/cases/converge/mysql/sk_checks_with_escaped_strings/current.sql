-- after skeema internal/tengo/testdata/check-maria.sql (CHECKs added, inline and named, with escaped quotes, backslashes and long strings)
CREATE TABLE guarded (id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, low int, high int, tag varchar(100), path varchar(30) NOT NULL DEFAULT '');
INSERT INTO guarded (low, high, tag) VALUES (1, 2, 'tags'), (NULL, NULL, NULL);
