-- a primary key gains a column while a foreign key references the old key through a unique constraint
CREATE TABLE orgs (id bigint NOT NULL, region text NOT NULL, CONSTRAINT orgs_pkey PRIMARY KEY (id));
CREATE TABLE jobs (id bigint PRIMARY KEY, org_id bigint CONSTRAINT jobs_org_id_fkey REFERENCES orgs (id));
INSERT INTO orgs VALUES (1, 'eu');
INSERT INTO jobs VALUES (1, 1);
