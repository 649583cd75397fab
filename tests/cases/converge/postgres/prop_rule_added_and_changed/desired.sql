-- a rule added and another one changed
CREATE TABLE t (id int);
CREATE RULE t_no_update AS ON UPDATE TO t WHERE old.id > 0 DO INSTEAD NOTHING;
CREATE RULE t_no_delete AS ON DELETE TO t DO INSTEAD NOTHING;
