-- a table and its text columns move from latin1 to utf8mb4
CREATE TABLE job_notes (id int PRIMARY KEY, body text, title varchar(100) NOT NULL DEFAULT '') DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci;
INSERT INTO job_notes VALUES (1, 'cafe au lait', 'first');
