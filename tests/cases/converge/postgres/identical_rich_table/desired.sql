CREATE TABLE jobs (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), status text NOT NULL DEFAULT 'queued' CONSTRAINT jobs_status_check CHECK (status IN ('queued', 'running', 'done')), payload jsonb NOT NULL DEFAULT '{}'::jsonb, tags text[] NOT NULL DEFAULT '{}', total numeric(12,2) DEFAULT 0, created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX jobs_created_idx ON jobs (created_at DESC);
CREATE INDEX jobs_open_idx ON jobs (status) WHERE status <> 'done';
COMMENT ON TABLE jobs IS 'Jobs.';
