-- a unique key on a prefix of a long column gets a longer prefix
CREATE TABLE subscribers (id int PRIMARY KEY, email varchar(320) NOT NULL, UNIQUE KEY subscribers_email (email(100)));
