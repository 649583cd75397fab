-- the partition key differs, with rows, partitions, a key, an index, a view and a foreign key on it
CREATE TABLE jobs_log (id bigint NOT NULL, logged date NOT NULL, kind text NOT NULL DEFAULT 'note', PRIMARY KEY (id, logged)) PARTITION BY RANGE (logged);
CREATE TABLE jobs_log_all PARTITION OF jobs_log FOR VALUES FROM ('2020-01-01') TO ('2030-01-01');
CREATE INDEX jobs_log_kind_idx ON jobs_log (kind);
CREATE VIEW jobs_log_kinds AS SELECT kind, count(*) AS n FROM jobs_log GROUP BY kind;
CREATE TABLE jobs_log_notes (id int PRIMARY KEY, log_id bigint, log_day date, FOREIGN KEY (log_id, log_day) REFERENCES jobs_log (id, logged));
INSERT INTO jobs_log VALUES (1, '2024-01-01', 'a'), (150, '2025-06-01', 'b'), (151, '2025-06-02', 'b');
INSERT INTO jobs_log_notes VALUES (1, 150, '2025-06-01');
