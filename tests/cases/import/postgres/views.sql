CREATE TABLE runs (
    id bigint PRIMARY KEY,
    job text NOT NULL,
    status text NOT NULL,
    started_at timestamptz
);
CREATE VIEW open_runs AS
SELECT id, job, started_at FROM runs WHERE status <> 'done';
COMMENT ON VIEW open_runs IS 'Runs still going.';
CREATE VIEW runs_secure WITH (security_invoker = true) AS SELECT id, job FROM runs;
CREATE MATERIALIZED VIEW run_counts AS
SELECT job, count(*) AS runs FROM runs GROUP BY job;
CREATE UNIQUE INDEX run_counts_job ON run_counts (job);
