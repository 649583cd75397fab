-- ON UPDATE CURRENT_TIMESTAMP goes, the default stays
CREATE TABLE heartbeats (id int PRIMARY KEY, seen_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP, touched datetime(3) DEFAULT NULL);
