-- the partition key differs, with rows, partitions, a key, an index, a view and a foreign key on it
CREATE TABLE jobs_log (id bigint NOT NULL, logged date NOT NULL, kind text NOT NULL DEFAULT 'note', PRIMARY KEY (id, logged)) PARTITION BY RANGE (id);
CREATE TABLE jobs_log_low PARTITION OF jobs_log FOR VALUES FROM (MINVALUE) TO (100);
CREATE TABLE jobs_log_high PARTITION OF jobs_log FOR VALUES FROM (100) TO (MAXVALUE);
CREATE INDEX jobs_log_kind_idx ON jobs_log (kind);
CREATE VIEW jobs_log_kinds AS SELECT kind, count(*) AS n FROM jobs_log GROUP BY kind;
CREATE TABLE jobs_log_notes (id int PRIMARY KEY, log_id bigint, log_day date, FOREIGN KEY (log_id, log_day) REFERENCES jobs_log (id, logged));
