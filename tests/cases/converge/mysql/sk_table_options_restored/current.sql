-- after skeema internal/tengo/testdata/integration.sql (row format, checksum, delay_key_write and the comment of a table change back)
CREATE TABLE bag (id bigint unsigned NOT NULL AUTO_INCREMENT, name varchar(100) NOT NULL, PRIMARY KEY (id)) ROW_FORMAT=DYNAMIC COMMENT='old';
INSERT INTO bag (name) VALUES ('a');
