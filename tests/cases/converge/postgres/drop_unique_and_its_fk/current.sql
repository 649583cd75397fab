CREATE TABLE plans (id bigint PRIMARY KEY, code text NOT NULL, CONSTRAINT plans_code_key UNIQUE (code));
CREATE TABLE jobs (id bigint PRIMARY KEY, plan_code text CONSTRAINT jobs_plan_code_fkey REFERENCES plans (code));
INSERT INTO plans VALUES (1, 'basic');
INSERT INTO jobs VALUES (1, 'basic');
