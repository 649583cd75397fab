CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY);
CREATE TABLE job_logs (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, job_id bigint NOT NULL, line text NOT NULL, KEY job_logs_job_id_idx (job_id), CONSTRAINT job_logs_job_id_fk FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE CASCADE);
