-- comments with quotes, newlines, backslashes, unicode
CREATE TABLE j (id int PRIMARY KEY, note text);
COMMENT ON TABLE j IS E'it''s a "job"\nsecond line \\ back\tslash — ü $$';
COMMENT ON COLUMN j.note IS '%s {{ x }} -- not a comment /* nor */';
