CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255) NOT NULL, CONSTRAINT users_email_key UNIQUE (email));
CREATE TABLE jobs (id bigint PRIMARY KEY, owner_id bigint CONSTRAINT jobs_owner_id_fkey REFERENCES users (id) ON DELETE SET NULL, status text NOT NULL DEFAULT 'queued' CONSTRAINT jobs_status_check CHECK (status IN ('queued', 'running', 'done')), priority smallint NOT NULL DEFAULT 0);
CREATE INDEX jobs_owner_id_idx ON jobs (owner_id);
CREATE INDEX jobs_status_idx ON jobs (status) WHERE status <> 'done';
COMMENT ON TABLE jobs IS 'Work items.';
