-- after atlas internal/integration/testdata/mysql/index-desc.txt (a key loses its DESC part and another gains one on a new column)
CREATE TABLE scores (id int PRIMARY KEY, points bigint NOT NULL, bonus int NOT NULL DEFAULT 0, KEY points_key (points), KEY points_bonus (points, bonus DESC));
