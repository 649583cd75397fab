-- a property SHOW CREATE TABLE prints on MariaDB 10.11 (trigger_order): it must be compared, recorded or reported
CREATE TABLE t1 (id int PRIMARY KEY, a int); CREATE TRIGGER tr1 BEFORE INSERT ON t1 FOR EACH ROW SET NEW.a = 1;
