-- an index prefix grows, and a second index part gets a prefix
CREATE TABLE documents (id int PRIMARY KEY, path varchar(255) NOT NULL, owner varchar(100), KEY documents_path (path(10)), KEY documents_owner_path (owner, path));
INSERT INTO documents VALUES (1, '/a/b', 'ann');
