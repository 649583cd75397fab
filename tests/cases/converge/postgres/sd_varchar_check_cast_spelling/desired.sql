-- a CHECK on a varchar column written with a cast on every element; the fix writes the same value set as an
-- IN list, which the server stores with one cast around the array
CREATE TABLE courier (
    id bigint PRIMARY KEY,
    mode character varying CONSTRAINT courier_mode_check
        CHECK (mode::text = ANY (ARRAY['bike'::character varying::text, 'van'::character varying::text]))
);
