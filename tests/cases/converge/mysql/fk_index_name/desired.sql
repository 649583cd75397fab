-- a property SHOW CREATE TABLE prints on MariaDB 10.11 (fk_index_name): it must be compared, recorded or reported
CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (id int PRIMARY KEY, p int, KEY pk_idx (p), CONSTRAINT fk1 FOREIGN KEY (p) REFERENCES p (id));
