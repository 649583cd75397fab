-- the unique index a foreign key references gains an INCLUDE column: the key is dropped first, added back after
CREATE TABLE jobs (id bigint PRIMARY KEY, queue text NOT NULL, slot int NOT NULL, state text);
CREATE UNIQUE INDEX jobs_queue_slot_uq ON jobs (queue, slot);
CREATE TABLE claims (worker text, queue text, slot int,
                     CONSTRAINT claims_slot_fk FOREIGN KEY (queue, slot) REFERENCES jobs (queue, slot));
INSERT INTO jobs VALUES (1, 'mail', 1, 'new');
INSERT INTO claims VALUES ('w1', 'mail', 1);
