-- after atlas internal/integration/testdata/mysql/column-generated.txt (a plain column becomes STORED
-- generated: its values are replaced by computed ones)
CREATE TABLE batches (id int NOT NULL PRIMARY KEY, items int NOT NULL, weight int NULL);
INSERT INTO batches VALUES (1, 3, NULL), (2, 5, 40);
