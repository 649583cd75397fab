-- comments on objects whose schema entry has no comment field: a primary key, a unique key, a function, a
-- trigger, a domain and an enum type; the live side lacks some, words one otherwise and has one too many
CREATE DOMAIN queue_name AS text CHECK (VALUE <> '');
CREATE TYPE lane AS ENUM ('fast', 'slow');
CREATE TABLE dispatch (
    id bigint CONSTRAINT dispatch_pkey PRIMARY KEY,
    queue queue_name NOT NULL,
    lane lane NOT NULL DEFAULT 'slow',
    ticket text CONSTRAINT dispatch_ticket_key UNIQUE,
    touched timestamptz
);
CREATE FUNCTION dispatch_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.touched := now(); RETURN NEW; END $$;
CREATE TRIGGER dispatch_touch_row BEFORE UPDATE ON dispatch FOR EACH ROW EXECUTE FUNCTION dispatch_touch();
COMMENT ON CONSTRAINT dispatch_pkey ON dispatch IS 'one row per dispatch';
COMMENT ON TYPE lane IS 'which worker pool takes it';
COMMENT ON DOMAIN queue_name IS 'a queue''s name, never empty';
COMMENT ON FUNCTION dispatch_touch() IS 'stamps the row on every update';
COMMENT ON TRIGGER dispatch_touch_row ON dispatch IS 'keeps touched current';
