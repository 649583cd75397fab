CREATE TABLE samples (
  id char(36) NOT NULL,
  flag tinyint(1) NOT NULL DEFAULT 0,
  n_small smallint DEFAULT '-1',
  n_big bigint DEFAULT NULL,
  price decimal(12,4) DEFAULT 0.0000,
  ratio double DEFAULT NULL,
  label varchar(40) DEFAULT 'none',
  body text,
  doc json DEFAULT NULL,
  day date DEFAULT NULL,
  created datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  seen datetime DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
