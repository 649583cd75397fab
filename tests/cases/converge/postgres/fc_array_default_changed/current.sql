-- an array column's default changes
CREATE TABLE workers (id int PRIMARY KEY, queues text[] NOT NULL DEFAULT '{}', weights int[] DEFAULT '{1,1}');
INSERT INTO workers VALUES (1, '{mail}', '{2,3}');
