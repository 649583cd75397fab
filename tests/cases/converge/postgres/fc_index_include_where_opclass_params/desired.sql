-- an index with INCLUDE, WHERE and opclass parameters
CREATE EXTENSION pg_trgm;
CREATE TABLE j (id int PRIMARY KEY, tags text, status text, payload jsonb);
CREATE INDEX j_idx ON j USING gist (tags gist_trgm_ops (siglen = 32)) INCLUDE (status) WHERE status <> 'done';
