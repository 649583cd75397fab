-- after skeema/skeema internal/tengo testdata (FULLTEXT keys) and Vitess schemadiff "added key"
CREATE TABLE job_logs (id bigint NOT NULL PRIMARY KEY, line text NOT NULL, FULLTEXT KEY line_idx (line));
