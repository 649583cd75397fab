-- after atlas internal/integration/testdata/mysql/index-add-drop.txt (a table without a primary key: InnoDB
-- clusters it on its UNIQUE key over NOT NULL columns, so that key is dropped only by copying the table)
CREATE TABLE worker_slots (slot_no bigint NOT NULL, label varchar(40), UNIQUE KEY slot_no_key (slot_no));
INSERT INTO worker_slots VALUES (1, 'a'), (2, NULL);
