CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, name varchar(100) NOT NULL) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
