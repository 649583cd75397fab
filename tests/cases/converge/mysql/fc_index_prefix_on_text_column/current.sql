-- an index on a TEXT column's prefix gets a longer prefix
CREATE TABLE articles (id int PRIMARY KEY, body text, KEY articles_body (body(100)));
INSERT INTO articles VALUES (1, 'hello');
