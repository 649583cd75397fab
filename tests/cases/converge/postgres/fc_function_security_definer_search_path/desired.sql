-- a function's search_path setting
CREATE FUNCTION one() RETURNS int LANGUAGE sql SECURITY DEFINER SET search_path = public AS 'SELECT 1';
