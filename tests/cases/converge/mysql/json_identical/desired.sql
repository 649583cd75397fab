CREATE TABLE events (id bigint NOT NULL PRIMARY KEY, payload json NOT NULL, meta json DEFAULT NULL);
