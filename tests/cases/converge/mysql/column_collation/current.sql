CREATE TABLE users (id bigint NOT NULL PRIMARY KEY, email varchar(100) NOT NULL);
INSERT INTO users VALUES (1, 'A@example.com');
