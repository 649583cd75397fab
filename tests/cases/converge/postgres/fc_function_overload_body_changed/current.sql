-- one overload's body changed
CREATE FUNCTION job_weight(a int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT a * 2';
CREATE FUNCTION job_weight(a text) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT length(a)';
