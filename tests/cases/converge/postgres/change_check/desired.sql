CREATE TABLE jobs (id bigint PRIMARY KEY, total integer NOT NULL, CONSTRAINT jobs_total_range CHECK (total >= 0 AND total <= 1000));
