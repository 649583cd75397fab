-- the table's default collation changes while a column keeps its own
CREATE TABLE tags (id int PRIMARY KEY, name varchar(40) COLLATE utf8mb4_bin NOT NULL, note varchar(40)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
INSERT INTO tags VALUES (1, 'A', 'n');
