CREATE TABLE tenants (
    tenant_id text NOT NULL,
    region text NOT NULL,
    PRIMARY KEY (tenant_id, region)
);
CREATE TABLE jobs (
    tenant_id text,
    region text,
    job_id text NOT NULL,
    CONSTRAINT jobs_pkey PRIMARY KEY (job_id),
    CONSTRAINT jobs_tenant_fk FOREIGN KEY (tenant_id, region) REFERENCES tenants (tenant_id, region)
        MATCH FULL ON UPDATE CASCADE ON DELETE SET NULL
);
CREATE TABLE job_logs (
    tenant_id text NOT NULL,
    region text NOT NULL,
    line text,
    FOREIGN KEY (tenant_id, region) REFERENCES tenants ON DELETE RESTRICT ON UPDATE SET DEFAULT
);
