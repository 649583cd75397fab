-- table storage parameters: one changed, one reset
CREATE TABLE t (id int) WITH (fillfactor=70);
