-- after atlas internal/integration/testdata/postgres/column-generated.txt (generated columns become plain ones, keeping the values)
CREATE TABLE totals (n int NOT NULL, twice int GENERATED ALWAYS AS (n * 2) STORED, three int GENERATED ALWAYS AS (3) STORED);
INSERT INTO totals (n) VALUES (4);
