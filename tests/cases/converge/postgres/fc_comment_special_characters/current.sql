-- comments with quotes, newlines, backslashes, unicode
CREATE TABLE j (id int PRIMARY KEY, note text);
COMMENT ON TABLE j IS 'plain';
