CREATE TABLE jobs (id bigint PRIMARY KEY, total integer, CONSTRAINT jobs_total_check CHECK (total >= 0));
