-- CLUSTER ON an index, and SET WITHOUT CLUSTER
CREATE TABLE t (id int);
CREATE INDEX t_id ON t (id);
CREATE TABLE u (id int);
CREATE INDEX u_id ON u (id);
ALTER TABLE u CLUSTER ON u_id;
