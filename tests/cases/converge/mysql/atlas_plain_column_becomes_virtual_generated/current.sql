-- after atlas internal/integration/testdata/mysql/column-generated.txt (a plain column becomes VIRTUAL
-- generated, with another generated column computed from it after it)
CREATE TABLE prices (id int NOT NULL PRIMARY KEY, euros int NOT NULL, cents int NULL,
                     cents_label varchar(20) AS (concat(cents, ' c')) VIRTUAL);
INSERT INTO prices (id, euros, cents) VALUES (1, 2, 7), (2, 3, NULL);
