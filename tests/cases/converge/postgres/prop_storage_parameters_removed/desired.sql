-- table storage parameters the desired table does not have are reset
CREATE TABLE t (id int);
