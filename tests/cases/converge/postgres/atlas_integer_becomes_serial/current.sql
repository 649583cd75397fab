-- after atlas internal/integration/testdata/postgres/column-serial.txt (plain integer columns become serials:
-- a sequence of their own, starting after the values the rows hold)
CREATE TABLE tickets (ticket_no bigint NOT NULL, batch_no integer NOT NULL, note text);
INSERT INTO tickets VALUES (7, 3, 'x'), (12, 4, NULL);
