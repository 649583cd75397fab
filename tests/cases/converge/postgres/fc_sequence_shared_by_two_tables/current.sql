-- one sequence numbers the rows of two tables; the second table does not use it yet
CREATE SEQUENCE ticket_numbers;
CREATE TABLE bug_tickets (n bigint PRIMARY KEY DEFAULT nextval('ticket_numbers'), title text);
CREATE TABLE feature_tickets (n bigint PRIMARY KEY, title text);
INSERT INTO bug_tickets (title) VALUES ('crash');
INSERT INTO feature_tickets VALUES (100, 'export');
