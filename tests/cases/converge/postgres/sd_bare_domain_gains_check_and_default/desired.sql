-- a domain declared as its bare type gains a default, NOT NULL and a named CHECK (its live definition has
-- nothing after AS <type> to read)
CREATE DOMAIN retry_budget AS smallint DEFAULT 3 NOT NULL CONSTRAINT retry_budget_range CHECK (VALUE BETWEEN 0 AND 10);
CREATE TABLE task_policies (name text PRIMARY KEY, budget retry_budget);
