CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, code varchar(20) COLLATE utf8mb4_bin NOT NULL, name varchar(40)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
