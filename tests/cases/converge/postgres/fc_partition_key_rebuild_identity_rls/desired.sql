-- the partition key differs on a table with an identity column, a CHECK, comments, row-level security and a sub-partitioned partition
CREATE TABLE task_runs (id bigint GENERATED ALWAYS AS IDENTITY, queue text NOT NULL, started date NOT NULL, attempts int NOT NULL DEFAULT 0 CHECK (attempts >= 0), PRIMARY KEY (id, queue, started), UNIQUE (queue, id, started)) PARTITION BY RANGE (started);
CREATE TABLE task_runs_old PARTITION OF task_runs FOR VALUES FROM (MINVALUE) TO ('2025-01-01');
CREATE TABLE task_runs_new PARTITION OF task_runs FOR VALUES FROM ('2025-01-01') TO (MAXVALUE) PARTITION BY LIST (queue);
CREATE TABLE task_runs_new_mail PARTITION OF task_runs_new FOR VALUES IN ('mail');
CREATE TABLE task_runs_new_rest PARTITION OF task_runs_new DEFAULT;
CREATE INDEX task_runs_new_mail_started ON task_runs_new_mail (started);
COMMENT ON TABLE task_runs IS 'one row per run';
COMMENT ON COLUMN task_runs.attempts IS 'retries so far';
ALTER TABLE task_runs ENABLE ROW LEVEL SECURITY;
CREATE POLICY task_runs_all ON task_runs USING (true);
CREATE VIEW task_run_queues AS SELECT DISTINCT queue FROM task_runs;
CREATE VIEW task_run_queue_count AS SELECT count(*) AS n FROM task_run_queues;
