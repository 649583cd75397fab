-- the parent's key changes under a foreign key: drop the FK, change the key, add the FK back
CREATE TABLE plans (code text NOT NULL, name text, CONSTRAINT plans_code_key UNIQUE (code));
CREATE TABLE jobs (id bigint PRIMARY KEY, plan_code text CONSTRAINT jobs_plan_code_fkey REFERENCES plans (code));
INSERT INTO plans VALUES ('basic', 'Basic');
INSERT INTO jobs VALUES (1, 'basic');
