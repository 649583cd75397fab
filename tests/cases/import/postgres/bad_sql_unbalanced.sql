CREATE TABLE t (
    id integer PRIMARY KEY,
    v text CHECK (length(v) > 0
); -- expect: error
