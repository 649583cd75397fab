CREATE TABLE jobs (id bigint PRIMARY KEY, total integer NOT NULL, CONSTRAINT jobs_total_nonneg CHECK (total >= 0));
