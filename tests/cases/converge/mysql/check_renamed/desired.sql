CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, total int NOT NULL, CONSTRAINT jobs_total_nonneg CHECK (total >= 0));
