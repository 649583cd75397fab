-- a foreign key added NOT VALID is validated, not dropped and added again
CREATE TABLE queues (name text PRIMARY KEY);
CREATE TABLE tasks (id int, queue text);
ALTER TABLE tasks ADD CONSTRAINT tasks_queue_ref FOREIGN KEY (queue) REFERENCES queues (name) NOT VALID;
INSERT INTO queues VALUES ('q');
INSERT INTO tasks VALUES (1, 'q');
