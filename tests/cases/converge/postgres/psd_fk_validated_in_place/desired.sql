CREATE TABLE queues (name text PRIMARY KEY);
CREATE TABLE tasks (id int, queue text);
ALTER TABLE tasks ADD CONSTRAINT tasks_queue_ref FOREIGN KEY (queue) REFERENCES queues (name);
