-- a bigserial counter goes back to serial: the column and its own sequence become integer again
CREATE TABLE retry_tickets (
    ticket bigserial NOT NULL,
    attempts smallint NOT NULL DEFAULT 0
);
INSERT INTO retry_tickets (attempts) VALUES (1), (3);
