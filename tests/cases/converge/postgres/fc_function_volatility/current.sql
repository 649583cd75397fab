-- a function's volatility
CREATE FUNCTION one() RETURNS int LANGUAGE sql AS 'SELECT 1';
