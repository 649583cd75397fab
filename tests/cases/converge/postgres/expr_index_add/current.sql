CREATE TABLE events (id bigint PRIMARY KEY, payload jsonb NOT NULL);
INSERT INTO events VALUES (1, '{"key": "a"}');
