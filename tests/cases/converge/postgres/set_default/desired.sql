CREATE TABLE jobs (id bigint PRIMARY KEY, status text NOT NULL DEFAULT 'queued', created_at timestamptz DEFAULT now());
