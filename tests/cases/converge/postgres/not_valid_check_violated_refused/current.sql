CREATE TABLE jobs (id bigint PRIMARY KEY, total integer NOT NULL);
INSERT INTO jobs VALUES (1, -5), (2, 3);
ALTER TABLE jobs ADD CONSTRAINT jobs_total_nonneg CHECK (total >= 0) NOT VALID;
