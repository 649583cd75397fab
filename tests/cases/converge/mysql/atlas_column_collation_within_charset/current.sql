-- after atlas internal/integration/testdata/mysql/column-charset.txt (a hebrew column goes from hebrew_general_ci to hebrew_bin and keeps its charset)
CREATE TABLE labels (id int PRIMARY KEY, label varchar(255) CHARACTER SET hebrew COLLATE hebrew_general_ci NOT NULL);
INSERT INTO labels VALUES (1, 'abc');
