-- text + CHECK becomes a native enum type: the type is created and the column converted, rows kept
CREATE TABLE jobs (id bigint PRIMARY KEY, status text NOT NULL DEFAULT 'queued' CONSTRAINT jobs_status_check CHECK (status IN ('queued', 'running', 'done')));
INSERT INTO jobs VALUES (1, 'queued'), (2, 'done');
