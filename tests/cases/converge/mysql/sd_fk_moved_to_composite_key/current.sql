-- a foreign key keeps its name but moves to a composite key of its parent: the index InnoDB named after it
-- must go before the key is added again (sqldef ForeignKeyDependenciesPrimaryKeyChange, in other words)
CREATE TABLE tools (tool_id int PRIMARY KEY, maker_id int, title varchar(60));
CREATE TABLE tool_loans (loan_id int PRIMARY KEY, tool_id int, days int,
  CONSTRAINT loans_tool FOREIGN KEY (tool_id) REFERENCES tools (tool_id));
INSERT INTO tools VALUES (1, 7, 'saw'), (2, 7, 'drill');
INSERT INTO tool_loans VALUES (10, 1, 3), (11, 2, 5);
