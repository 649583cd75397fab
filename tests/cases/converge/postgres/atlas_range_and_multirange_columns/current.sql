-- after atlas internal/integration/testdata/postgres/column-range.txt (range and multirange columns added)
CREATE TABLE windows (id int PRIMARY KEY);
INSERT INTO windows VALUES (1);
