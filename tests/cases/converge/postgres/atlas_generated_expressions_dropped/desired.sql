-- after atlas internal/integration/testdata/postgres/column-generated.txt (generated columns become plain ones, keeping the values)
CREATE TABLE totals (n int NOT NULL, twice int, three int);
