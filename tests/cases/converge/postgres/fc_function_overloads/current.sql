-- functions overloaded by arguments
CREATE FUNCTION job_weight(a int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT a * 2';
