-- table storage parameters: one changed, one reset
CREATE TABLE t (id int) WITH (fillfactor=90, autovacuum_enabled=false);
INSERT INTO t VALUES (1);
