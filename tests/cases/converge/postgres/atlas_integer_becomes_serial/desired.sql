-- after atlas internal/integration/testdata/postgres/column-serial.txt (plain integer columns become serials:
-- a sequence of their own, starting after the values the rows hold)
CREATE TABLE tickets (ticket_no bigserial, batch_no serial, note text);
