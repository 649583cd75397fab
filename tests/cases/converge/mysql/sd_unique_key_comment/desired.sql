-- a UNIQUE key that carries a comment: the comment is the key's, so it must be compared and fixed
CREATE TABLE badges (id int PRIMARY KEY, code varchar(12), UNIQUE KEY badges_code (code) COMMENT 'printed on the card');
