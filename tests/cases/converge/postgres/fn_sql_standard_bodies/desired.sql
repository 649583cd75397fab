CREATE TABLE jobs (id int PRIMARY KEY, attempts int NOT NULL DEFAULT 0);
CREATE FUNCTION next_attempt(n integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN n + 1;
CREATE FUNCTION retry_count(job integer) RETURNS integer LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT attempts FROM jobs WHERE id = job;
END;
