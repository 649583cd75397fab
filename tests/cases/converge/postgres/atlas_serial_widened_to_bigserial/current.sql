-- after atlas internal/integration/testdata/postgres/column-serial.txt (a serial's type changes: its sequence
-- keeps counting and takes the new type)
CREATE TABLE job_runs (run_no serial PRIMARY KEY, label text);
INSERT INTO job_runs (label) VALUES ('a'), ('b');
