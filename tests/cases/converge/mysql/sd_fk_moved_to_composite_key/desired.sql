-- a foreign key keeps its name but moves to a composite key of its parent: the index InnoDB named after it
-- must go before the key is added again (sqldef ForeignKeyDependenciesPrimaryKeyChange, in other words)
CREATE TABLE tools (tool_id int NOT NULL, maker_id int NOT NULL, title varchar(60), PRIMARY KEY (maker_id, tool_id));
CREATE TABLE tool_loans (loan_id int PRIMARY KEY, tool_id int, maker_id int, days int,
  CONSTRAINT loans_tool FOREIGN KEY (maker_id, tool_id) REFERENCES tools (maker_id, tool_id));
