-- after atlas internal/integration/testdata/postgres/column-default.txtar
CREATE TABLE jobs (id int PRIMARY KEY, kind text DEFAULT 'y', attempts int DEFAULT 0, created_at timestamptz DEFAULT now(), note text);
