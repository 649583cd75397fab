-- after atlas internal/integration/testdata/postgres/column-bit.txt (bit and bit varying lengths shrink and grow)
CREATE TABLE flags (id int PRIMARY KEY, mask bit(1) NOT NULL, history bit varying(8) NOT NULL, recent bit varying(64));
