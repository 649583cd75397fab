CREATE TABLE users (id bigint NOT NULL PRIMARY KEY, email varchar(100) COLLATE utf8mb4_bin NOT NULL);
