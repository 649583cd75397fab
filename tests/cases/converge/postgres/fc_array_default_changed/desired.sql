-- an array column's default changes
CREATE TABLE workers (id int PRIMARY KEY, queues text[] NOT NULL DEFAULT ARRAY['default']::text[], weights int[] DEFAULT ARRAY[1, 2, 3]);
