CREATE TABLE batch_jobs (id bigint NOT NULL PRIMARY KEY, status varchar(20) NOT NULL DEFAULT 'pending', CONSTRAINT batch_jobs_status_check CHECK (status IN ('pending', 'running', 'completed')));
INSERT INTO batch_jobs VALUES (1, 'pending'), (2, 'running'), (3, 'completed');
