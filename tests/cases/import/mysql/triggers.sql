CREATE TABLE counters (
  id int NOT NULL,
  hits int NOT NULL DEFAULT 0,
  updated datetime(6) DEFAULT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TRIGGER counters_touch BEFORE UPDATE ON counters FOR EACH ROW SET NEW.updated = NOW(6);
