CREATE TABLE pages (
  id int NOT NULL,
  url varchar(2000) NOT NULL,
  PRIMARY KEY (id),
  KEY pages_url (url(191))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
