CREATE TABLE workers (host text NOT NULL);
CREATE UNIQUE INDEX workers_host_key_idx ON workers (host);
ALTER TABLE workers ADD CONSTRAINT workers_host_key_idx PRIMARY KEY USING INDEX workers_host_key_idx;
