-- after atlas internal/integration/testdata/postgres/column-bit.txt (bit and bit varying lengths shrink and grow)
CREATE TABLE flags (id int PRIMARY KEY, mask bit(2) NOT NULL, history bit varying NOT NULL, recent bit varying(1));
INSERT INTO flags VALUES (1, B'10', B'1011', B'1');
