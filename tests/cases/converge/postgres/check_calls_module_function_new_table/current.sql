-- a new table whose CHECK calls a function the same fix creates: the CHECK waits for the functions step
CREATE TABLE queues (id int PRIMARY KEY);
INSERT INTO queues VALUES (1);
