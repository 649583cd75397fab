-- after atlas internal/integration/testdata/postgres/column-enum-array.txt (an enum type used only as the
-- element of an array column of a table the schema drops)
CREATE TABLE accounts (id int PRIMARY KEY);
