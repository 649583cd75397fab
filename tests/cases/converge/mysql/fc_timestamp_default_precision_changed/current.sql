-- a datetime column's precision and its CURRENT_TIMESTAMP default precision grow together
CREATE TABLE events_seen (id int PRIMARY KEY, at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3));
INSERT INTO events_seen VALUES (1, '2024-01-01 10:00:00.123');
