-- DESC key parts audit clean against the same database
CREATE TABLE t1 (id int NOT NULL, a int, b int, PRIMARY KEY (id DESC), UNIQUE KEY u (a DESC), KEY k (a, b DESC));
