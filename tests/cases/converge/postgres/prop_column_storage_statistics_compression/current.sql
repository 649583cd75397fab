-- column STORAGE, STATISTICS and COMPRESSION set; and reset
CREATE TABLE t (a text, b int, c text);
CREATE TABLE u (b int, c text COMPRESSION pglz);
ALTER TABLE u ALTER COLUMN b SET STATISTICS 300;
INSERT INTO t VALUES ('x', 1, 'y');
