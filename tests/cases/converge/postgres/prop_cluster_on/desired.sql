-- CLUSTER ON an index, and SET WITHOUT CLUSTER
CREATE TABLE t (id int);
CREATE INDEX t_id ON t (id);
ALTER TABLE t CLUSTER ON t_id;
CREATE TABLE u (id int);
CREATE INDEX u_id ON u (id);
