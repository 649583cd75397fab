-- generated columns beside plain ones that they read
CREATE TABLE j (id int PRIMARY KEY, a int, b int, s int GENERATED ALWAYS AS (a + b) STORED, p int GENERATED ALWAYS AS (a * b) STORED);
