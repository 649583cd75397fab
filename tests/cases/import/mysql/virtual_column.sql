CREATE TABLE people (
  id int NOT NULL,
  first varchar(50) NOT NULL,
  last varchar(50) NOT NULL,
  full_name varchar(101) AS (concat(first, ' ', last)) VIRTUAL, -- expect: note
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
