-- a function STRICT
CREATE FUNCTION inc(i int) RETURNS int LANGUAGE sql AS 'SELECT i + 1';
