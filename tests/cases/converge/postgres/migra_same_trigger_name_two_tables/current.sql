-- two tables each with a trigger of the same name; one table loses a column
CREATE TABLE inbox (id serial PRIMARY KEY);
CREATE TABLE outbox (id serial PRIMARY KEY, note text);
CREATE FUNCTION touch_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END; $$;
CREATE TRIGGER on_write AFTER INSERT ON inbox FOR EACH ROW EXECUTE FUNCTION touch_row();
CREATE TRIGGER on_write AFTER INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION touch_row();
