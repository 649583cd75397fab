CREATE TABLE queues (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE jobs (id bigint PRIMARY KEY, queue_id bigint CONSTRAINT jobs_queue_id_fkey REFERENCES queues (id));
