-- an exclusion constraint over an equality and a range (btree_gist)
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE rooms_booked (room int NOT NULL, during tstzrange NOT NULL);
INSERT INTO rooms_booked VALUES (1, '[2024-01-01 10:00+00,2024-01-01 11:00+00)'), (2, '[2024-01-01 10:00+00,2024-01-01 11:00+00)');
