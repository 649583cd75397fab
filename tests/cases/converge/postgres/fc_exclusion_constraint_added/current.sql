-- an exclusion constraint the schema adds
CREATE TABLE bookings (id int PRIMARY KEY, slot tsrange NOT NULL);
INSERT INTO bookings VALUES (1, '[2024-01-01 10:00,2024-01-01 11:00)'), (2, '[2024-01-01 11:00,2024-01-01 12:00)');
