CREATE TABLE events (id bigint NOT NULL, body text, PRIMARY KEY (id));
INSERT INTO events VALUES (1, 'x');
