-- an index's storage parameters given out of alphabetical order; the fix sets them in the order it compares
-- them in
CREATE TABLE spool (id bigint PRIMARY KEY, owner text);
CREATE INDEX spool_owner_idx ON spool (owner) WITH (fillfactor = 80, deduplicate_items = off);
