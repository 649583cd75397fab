-- an exclusion constraint keeps its definition under a new name
CREATE TABLE slot_holds (room integer NOT NULL, held tstzrange NOT NULL,
    CONSTRAINT slot_holds_no_overlap EXCLUDE USING gist (held WITH &&));
