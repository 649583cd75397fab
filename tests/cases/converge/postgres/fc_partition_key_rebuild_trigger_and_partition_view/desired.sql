-- a rebuilt table with a row trigger, and a view that reads one of its partitions
CREATE FUNCTION stamp_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.changed := now(); RETURN NEW; END $$;
CREATE TABLE parcels_log (id bigint NOT NULL, kind text NOT NULL, changed timestamptz) PARTITION BY RANGE (id);
CREATE TABLE parcels_log_low PARTITION OF parcels_log FOR VALUES FROM (MINVALUE) TO (100);
CREATE TABLE parcels_log_high PARTITION OF parcels_log FOR VALUES FROM (100) TO (MAXVALUE);
CREATE TRIGGER parcels_log_stamp BEFORE INSERT OR UPDATE ON parcels_log FOR EACH ROW EXECUTE FUNCTION stamp_row();
CREATE VIEW parcels_log_recent AS SELECT id FROM parcels_log WHERE changed > '2024-01-01';
