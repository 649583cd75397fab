CREATE TABLE items (
  id int NOT NULL,
  qty int NOT NULL,
  price decimal(10,2) NOT NULL,
  total decimal(12,2) GENERATED ALWAYS AS (qty * price) STORED,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
