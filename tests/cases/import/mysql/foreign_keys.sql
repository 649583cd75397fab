CREATE TABLE tenants (
  tenant_id varchar(64) NOT NULL,
  region varchar(16) NOT NULL,
  PRIMARY KEY (tenant_id, region)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE jobs (
  job_id varchar(64) NOT NULL,
  tenant_id varchar(64) DEFAULT NULL,
  region varchar(16) DEFAULT NULL,
  PRIMARY KEY (job_id),
  KEY jobs_tenant (tenant_id, region),
  CONSTRAINT jobs_tenant_fk FOREIGN KEY (tenant_id, region) REFERENCES tenants (tenant_id, region) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE job_notes (
  id int NOT NULL,
  job_id varchar(64) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT job_notes_job FOREIGN KEY (job_id) REFERENCES jobs (job_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
