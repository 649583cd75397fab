-- a plain column with rows becomes an identity with options; the sequence continues after the rows
CREATE TABLE orders (id integer NOT NULL, note text);
INSERT INTO orders VALUES (1, 'a'), (7, 'b');
