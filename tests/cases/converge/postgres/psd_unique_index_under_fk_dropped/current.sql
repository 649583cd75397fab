-- claims reference jobs through a plain unique index (not a constraint); the desired schema drops both
CREATE TABLE jobs (id bigint PRIMARY KEY, queue text NOT NULL, slot int NOT NULL);
CREATE UNIQUE INDEX jobs_queue_slot_uq ON jobs (queue, slot);
CREATE TABLE claims (worker text, queue text, slot int,
                     CONSTRAINT claims_slot_fk FOREIGN KEY (queue, slot) REFERENCES jobs (queue, slot));
INSERT INTO jobs VALUES (1, 'mail', 1);
INSERT INTO claims VALUES ('w1', 'mail', 1);
