-- a queue table gains a UTC stamp whose default converts the clock to a zone, and a new table declares one
-- too: the server only accepts such a default in parentheses, and reads it back without them
CREATE TABLE outbox (
    id bigint PRIMARY KEY,
    topic text NOT NULL,
    queued_local timestamp
);
INSERT INTO outbox (id, topic, queued_local) VALUES (1, 'mail', NULL), (2, 'sms', '2024-05-01 08:00');
