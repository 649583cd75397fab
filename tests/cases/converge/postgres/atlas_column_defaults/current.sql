-- after atlas internal/integration/testdata/postgres/column-default.txtar
CREATE TABLE jobs (id int PRIMARY KEY, kind text DEFAULT 'x', attempts int, created_at timestamptz, note text DEFAULT 'n');
INSERT INTO jobs (id) VALUES (1);
