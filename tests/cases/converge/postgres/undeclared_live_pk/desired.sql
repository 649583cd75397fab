CREATE TABLE events (id bigint NOT NULL, body text);
