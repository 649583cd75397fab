-- a unique key on a prefix of a long column gets a longer prefix
CREATE TABLE subscribers (id int PRIMARY KEY, email varchar(320) NOT NULL, UNIQUE KEY subscribers_email (email(50)));
INSERT INTO subscribers VALUES (1, 'a@example.com'), (2, 'b@example.com');
