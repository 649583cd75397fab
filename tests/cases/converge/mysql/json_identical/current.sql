-- MariaDB adds json_valid() CHECKs to JSON columns: that is not drift
CREATE TABLE events (id bigint NOT NULL PRIMARY KEY, payload json NOT NULL, meta json DEFAULT NULL);
