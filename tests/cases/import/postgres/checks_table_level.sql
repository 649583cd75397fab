CREATE TABLE ranges (
    id integer PRIMARY KEY,
    lo integer NOT NULL,
    hi integer NOT NULL,
    CHECK (lo <= hi),
    CHECK (hi < 1000000),
    CONSTRAINT ranges_width CHECK ((hi - lo) < 5000)
);
