-- deferrable unique made INITIALLY DEFERRED
CREATE TABLE j (id int PRIMARY KEY, pos int, CONSTRAINT j_pos_key UNIQUE (pos) DEFERRABLE);
