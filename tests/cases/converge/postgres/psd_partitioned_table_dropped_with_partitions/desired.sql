CREATE TABLE queues (id int PRIMARY KEY, name text);
