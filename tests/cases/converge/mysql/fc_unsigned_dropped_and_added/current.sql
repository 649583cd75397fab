-- one column loses UNSIGNED, another gains it, rows kept
CREATE TABLE counters (id int unsigned PRIMARY KEY, hits bigint unsigned NOT NULL DEFAULT 0, delta int NOT NULL DEFAULT 0);
INSERT INTO counters VALUES (1, 10, 5), (2, 0, 0);
