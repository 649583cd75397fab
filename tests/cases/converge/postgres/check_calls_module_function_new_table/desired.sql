CREATE TABLE queues (id int PRIMARY KEY);
CREATE FUNCTION is_small(v integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT v < 10 $$;
CREATE TABLE jobs (id int PRIMARY KEY, attempts int CONSTRAINT jobs_attempts_check CHECK (is_small(attempts)));
COMMENT ON CONSTRAINT jobs_attempts_check ON jobs IS 'fewer than ten attempts';
