CREATE TABLE plans (code varchar(20) NOT NULL, name varchar(40), UNIQUE KEY plans_code_key (code));
CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, plan_code varchar(20), KEY jobs_plan_code_idx (plan_code), CONSTRAINT jobs_plan_code_fk FOREIGN KEY (plan_code) REFERENCES plans (code));
INSERT INTO plans VALUES ('basic', 'Basic');
INSERT INTO jobs VALUES (1, 'basic');
