-- DEFAULT expressions: one added, one changed, one dropped
CREATE TABLE invites (id int PRIMARY KEY, token char(36), expires_on date DEFAULT (curdate() + interval 7 day), code varchar(8) DEFAULT (left(uuid(), 8)));
INSERT INTO invites (id, token) VALUES (1, 'abc');
