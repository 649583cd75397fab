-- after atlas internal/integration/testdata/postgres/index-nulls-distinct.txt
CREATE TABLE jobs (id int PRIMARY KEY, dedupe_key text, tenant int);
CREATE UNIQUE INDEX jobs_dedupe_idx ON jobs (tenant, dedupe_key) NULLS NOT DISTINCT;
