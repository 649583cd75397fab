CREATE TABLE events (id bigint PRIMARY KEY, happened bigint NOT NULL);
INSERT INTO events VALUES (1, 0), (2, 86400);
