-- an index with INCLUDE, WHERE and opclass parameters
CREATE TABLE j (id int PRIMARY KEY, tags text, status text, payload jsonb);
CREATE INDEX j_idx ON j (tags text_pattern_ops) INCLUDE (status) WHERE status <> 'done';
