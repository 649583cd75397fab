-- after skeema/skeema internal/tengo testdata (FULLTEXT keys) and Vitess schemadiff "added key"
CREATE TABLE job_logs (id bigint NOT NULL PRIMARY KEY, line text NOT NULL, KEY line_idx (line(100)));
INSERT INTO job_logs VALUES (1, 'started'), (2, 'failed: timeout');
