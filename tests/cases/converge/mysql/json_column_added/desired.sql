CREATE TABLE events (id bigint NOT NULL PRIMARY KEY, payload json DEFAULT NULL);
