-- a bigserial counter goes back to serial: the column and its own sequence become integer again
CREATE TABLE retry_tickets (
    ticket serial NOT NULL,
    attempts smallint NOT NULL DEFAULT 0
);
