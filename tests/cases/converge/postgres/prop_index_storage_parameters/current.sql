-- index storage parameters (fillfactor) added
CREATE TABLE t (id int);
CREATE INDEX t_id ON t (id);
