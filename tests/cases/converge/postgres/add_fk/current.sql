CREATE TABLE users (id bigint PRIMARY KEY);
CREATE TABLE jobs (id bigint PRIMARY KEY, owner_id bigint);
INSERT INTO users VALUES (1), (2);
INSERT INTO jobs VALUES (1, 1), (2, NULL);
