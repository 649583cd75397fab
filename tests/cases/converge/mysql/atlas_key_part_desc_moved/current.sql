-- after atlas internal/integration/testdata/mysql/index-desc.txt (a key loses its DESC part and another gains one on a new column)
CREATE TABLE scores (id int PRIMARY KEY, points bigint NOT NULL, KEY points_key (points DESC));
INSERT INTO scores VALUES (1, 10);
