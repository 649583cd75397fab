CREATE TABLE plans (code text NOT NULL, name text, CONSTRAINT plans_pkey PRIMARY KEY (code));
CREATE TABLE jobs (id bigint PRIMARY KEY, plan_code text CONSTRAINT jobs_plan_code_fkey REFERENCES plans (code));
