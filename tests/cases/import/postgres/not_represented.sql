CREATE TABLE bookings (
    id integer PRIMARY KEY,
    room integer NOT NULL,
    starts integer NOT NULL,
    ends integer NOT NULL,
    EXCLUDE USING btree (room WITH =) -- expect: note, unmanaged
);
CREATE UNLOGGED TABLE scratch (id integer); -- expect: unmanaged
CREATE TABLE measurements (
    id integer NOT NULL,
    taken integer NOT NULL CHECK (taken > 0) NO INHERIT,
    note text
) WITH (fillfactor = 70); -- expect: note
