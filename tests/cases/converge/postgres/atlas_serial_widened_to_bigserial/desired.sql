-- after atlas internal/integration/testdata/postgres/column-serial.txt (a serial's type changes: its sequence
-- keeps counting and takes the new type)
CREATE TABLE job_runs (run_no bigserial PRIMARY KEY, label text);
