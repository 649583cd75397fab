-- DEFAULT expressions: one added, one changed, one dropped
CREATE TABLE invites (id int PRIMARY KEY, token char(36) DEFAULT (uuid()), expires_on date DEFAULT (curdate() + interval 30 day), code varchar(8));
