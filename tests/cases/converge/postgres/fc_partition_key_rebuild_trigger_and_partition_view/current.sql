-- a rebuilt table with a row trigger, and a view that reads one of its partitions
CREATE FUNCTION stamp_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.changed := now(); RETURN NEW; END $$;
CREATE TABLE parcels_log (id bigint NOT NULL, kind text NOT NULL, changed timestamptz) PARTITION BY LIST (kind);
CREATE TABLE parcels_log_a PARTITION OF parcels_log FOR VALUES IN ('a');
CREATE TABLE parcels_log_other PARTITION OF parcels_log DEFAULT;
CREATE TRIGGER parcels_log_stamp BEFORE INSERT OR UPDATE ON parcels_log FOR EACH ROW EXECUTE FUNCTION stamp_row();
CREATE VIEW parcels_log_recent AS SELECT id FROM parcels_log WHERE changed > '2024-01-01';
INSERT INTO parcels_log VALUES (1, 'a', NULL), (200, 'b', NULL);
