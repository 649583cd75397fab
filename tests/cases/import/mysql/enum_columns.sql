CREATE TABLE deletion_jobs (
  id char(36) NOT NULL,
  status enum('pending','running','done','failed') NOT NULL DEFAULT 'pending',
  mode enum('soft','hard') DEFAULT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
