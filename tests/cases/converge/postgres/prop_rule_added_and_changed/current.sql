-- a rule added and another one changed
CREATE TABLE t (id int);
CREATE RULE t_no_update AS ON UPDATE TO t DO INSTEAD NOTHING;
