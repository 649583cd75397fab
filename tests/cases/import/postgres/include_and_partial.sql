CREATE TABLE tasks (
    id bigint PRIMARY KEY,
    owner_id bigint NOT NULL,
    status text NOT NULL,
    due_at timestamptz,
    title text NOT NULL
);
CREATE INDEX tasks_owner_cover ON tasks (owner_id) INCLUDE (status, due_at);
CREATE UNIQUE INDEX tasks_one_open_per_owner ON tasks (owner_id, title) WHERE status <> 'done';
CREATE INDEX tasks_due ON tasks (due_at DESC) WHERE due_at IS NOT NULL AND status = 'open';
