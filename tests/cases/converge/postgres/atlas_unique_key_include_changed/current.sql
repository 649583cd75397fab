-- after atlas internal/integration/testdata/postgres/primary-key.txtar (a unique key's INCLUDE columns change)
CREATE TABLE queue_slots (id int PRIMARY KEY, queue text NOT NULL, slot int NOT NULL, owner text, taken_at timestamptz,
                          CONSTRAINT queue_slots_queue_slot_key UNIQUE (queue, slot) INCLUDE (owner));
INSERT INTO queue_slots VALUES (1, 'mail', 1, 'a', now()), (2, 'mail', 2, NULL, NULL);
