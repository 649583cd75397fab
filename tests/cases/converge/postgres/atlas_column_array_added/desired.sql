-- after atlas internal/integration/testdata/postgres/column-array.txtar
CREATE TABLE jobs (id int PRIMARY KEY, tags text[] NOT NULL DEFAULT '{}', retry_delays int[]);
