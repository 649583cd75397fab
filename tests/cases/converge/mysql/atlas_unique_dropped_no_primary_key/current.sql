-- after atlas internal/integration/testdata/mysql/index-add-drop.txt (the UNIQUE key InnoDB clusters a table
-- without a primary key on is dropped)
CREATE TABLE run_tokens (token char(16) NOT NULL, run_id int, UNIQUE KEY token_unique (token));
INSERT INTO run_tokens VALUES ('aaaaaaaaaaaaaaaa', 1), ('bbbbbbbbbbbbbbbb', NULL);
