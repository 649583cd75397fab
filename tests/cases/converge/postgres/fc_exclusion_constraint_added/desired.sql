-- an exclusion constraint the schema adds
CREATE TABLE bookings (id int PRIMARY KEY, slot tsrange NOT NULL, CONSTRAINT bookings_no_overlap EXCLUDE USING gist (slot WITH &&));
