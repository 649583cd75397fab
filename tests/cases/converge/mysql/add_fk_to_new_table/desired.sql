CREATE TABLE queues (id bigint NOT NULL PRIMARY KEY, name varchar(40) NOT NULL);
CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, queue_id bigint, KEY jobs_queue_id_idx (queue_id), CONSTRAINT jobs_queue_id_fk FOREIGN KEY (queue_id) REFERENCES queues (id));
