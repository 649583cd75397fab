-- a domain declared as its bare type gains a default, NOT NULL and a named CHECK (its live definition has
-- nothing after AS <type> to read)
CREATE DOMAIN retry_budget AS smallint;
CREATE TABLE task_policies (name text PRIMARY KEY, budget retry_budget);
INSERT INTO task_policies VALUES ('mail', 5), ('sms', 2);
