-- generated columns beside plain ones that they read
CREATE TABLE j (id int PRIMARY KEY, a int, b int);
