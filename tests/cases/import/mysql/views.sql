CREATE TABLE runs (
  id int NOT NULL,
  job varchar(40) NOT NULL,
  status varchar(20) NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW open_runs AS SELECT r.id, r.job FROM runs r WHERE r.status <> 'done';
CREATE VIEW run_counts AS SELECT r.job, count(*) AS n FROM runs r GROUP BY r.job;
