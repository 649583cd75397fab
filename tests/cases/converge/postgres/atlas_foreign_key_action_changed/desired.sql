-- after atlas internal/integration/testdata/postgres/foreign-key-action.txt
CREATE TABLE batches (id int PRIMARY KEY);
CREATE TABLE items (id int PRIMARY KEY, batch_id int CONSTRAINT items_batch_fk REFERENCES batches (id) ON DELETE SET NULL ON UPDATE CASCADE);
