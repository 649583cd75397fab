-- an exclusion constraint over an equality and a range (btree_gist)
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE rooms_booked (room int NOT NULL, during tstzrange NOT NULL, CONSTRAINT rooms_booked_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&));
