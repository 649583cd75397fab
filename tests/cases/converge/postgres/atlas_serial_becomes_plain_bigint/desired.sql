-- after atlas internal/integration/testdata/postgres/column-serial.txt (a serial becomes a plain bigint: the
-- default goes, and with it the sequence nothing reads any more)
CREATE TABLE shipments (id bigint NOT NULL, carrier text);
