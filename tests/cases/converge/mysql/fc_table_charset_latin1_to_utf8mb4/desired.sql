-- a table and its text columns move from latin1 to utf8mb4
CREATE TABLE job_notes (id int PRIMARY KEY, body text, title varchar(100) NOT NULL DEFAULT '') DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
