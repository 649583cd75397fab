CREATE TABLE orgs (id bigint NOT NULL, region text NOT NULL, CONSTRAINT orgs_pkey PRIMARY KEY (id, region), CONSTRAINT orgs_id_key UNIQUE (id));
CREATE TABLE jobs (id bigint PRIMARY KEY, org_id bigint CONSTRAINT jobs_org_id_fkey REFERENCES orgs (id));
