CREATE TABLE ranges (
  id int NOT NULL,
  lo int NOT NULL,
  hi int NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT ranges_order CHECK (lo <= hi),
  CONSTRAINT ranges_small CHECK (hi - lo < 5000)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
