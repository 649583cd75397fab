CREATE TABLE counters (
    id bigint PRIMARY KEY,
    hits integer NOT NULL DEFAULT 0,
    updated_at timestamptz
);
CREATE OR REPLACE FUNCTION touch_counter() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();  -- a comment; with a semicolon
  RETURN NEW;
END;
$$;
CREATE FUNCTION counter_total() RETURNS bigint LANGUAGE sql STABLE AS $body$ SELECT coalesce(sum(hits), 0) FROM counters $body$;
CREATE TRIGGER counters_touch BEFORE UPDATE ON counters FOR EACH ROW EXECUTE FUNCTION touch_counter();
