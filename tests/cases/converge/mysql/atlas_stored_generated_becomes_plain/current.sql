-- after atlas internal/integration/testdata/mysql/column-generated.txt (a STORED generated column becomes a
-- plain one and keeps the values it held)
CREATE TABLE batches (id int NOT NULL PRIMARY KEY, items int NOT NULL, weight int AS (items * 10) STORED);
INSERT INTO batches (id, items) VALUES (1, 3), (2, 5);
