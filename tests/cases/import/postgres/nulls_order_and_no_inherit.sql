-- NULLS FIRST/LAST on index keys and NO INHERIT on checks are kept: nothing here is lost on import.
CREATE TABLE readings (
    id integer PRIMARY KEY,
    sensor integer NOT NULL CHECK (sensor > 0) NO INHERIT,
    taken_at timestamptz,
    value numeric(10,2),
    CONSTRAINT readings_value_range CHECK (value >= 0) NO INHERIT
);
CREATE INDEX readings_sensor_taken ON readings (sensor NULLS FIRST, taken_at DESC NULLS LAST);
CREATE INDEX readings_value ON readings ((value * 2) DESC NULLS FIRST);
