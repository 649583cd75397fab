-- a standalone sequence with options
CREATE SEQUENCE counters AS integer START WITH 5 INCREMENT BY 5 MAXVALUE 1000 CYCLE;
CREATE TABLE t (id int);
