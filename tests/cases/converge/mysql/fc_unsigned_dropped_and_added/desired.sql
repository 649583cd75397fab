-- one column loses UNSIGNED, another gains it, rows kept
CREATE TABLE counters (id int unsigned PRIMARY KEY, hits bigint NOT NULL DEFAULT 0, delta int unsigned NOT NULL DEFAULT 0);
