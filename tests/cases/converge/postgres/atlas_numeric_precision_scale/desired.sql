-- after atlas internal/integration/testdata/postgres/column-numeric.txt
CREATE TABLE invoices (id int PRIMARY KEY, amount numeric(12, 4), rate numeric(8, 3));
