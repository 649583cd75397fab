CREATE TABLE jobs (id bigint PRIMARY KEY, queue text NOT NULL, slot int NOT NULL, state text);
CREATE UNIQUE INDEX jobs_queue_slot_uq ON jobs (queue, slot) INCLUDE (state);
CREATE TABLE claims (worker text, queue text, slot int,
                     CONSTRAINT claims_slot_fk FOREIGN KEY (queue, slot) REFERENCES jobs (queue, slot));
