-- after atlas internal/integration/testdata/postgres/foreign-key-action.txt
CREATE TABLE batches (id int PRIMARY KEY);
CREATE TABLE items (id int PRIMARY KEY, batch_id int CONSTRAINT items_batch_fk REFERENCES batches (id) ON DELETE CASCADE ON UPDATE NO ACTION);
INSERT INTO batches VALUES (1);
INSERT INTO items VALUES (1, 1);
