-- an exclusion constraint keeps its definition under a new name
CREATE TABLE slot_holds (room integer NOT NULL, held tstzrange NOT NULL,
    CONSTRAINT slot_holds_overlap EXCLUDE USING gist (held WITH &&));
INSERT INTO slot_holds VALUES (1, '[2024-01-01,2024-01-02)');
