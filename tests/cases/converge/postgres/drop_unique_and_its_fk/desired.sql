CREATE TABLE plans (id bigint PRIMARY KEY, code text NOT NULL);
CREATE TABLE jobs (id bigint PRIMARY KEY, plan_code text);
