-- an exclusion constraint that gains a WHERE predicate
CREATE TABLE bookings (id int PRIMARY KEY, slot tsrange NOT NULL, cancelled boolean NOT NULL DEFAULT false, CONSTRAINT bookings_no_overlap EXCLUDE USING gist (slot WITH &&) WHERE (NOT cancelled));
