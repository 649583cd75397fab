CREATE TABLE job_tags (job_id bigint NOT NULL, tag text NOT NULL);
INSERT INTO job_tags VALUES (1, 'a'), (1, 'b');
