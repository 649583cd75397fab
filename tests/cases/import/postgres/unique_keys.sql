CREATE TABLE slots (
    id integer PRIMARY KEY,
    resource text NOT NULL,
    starts_at timestamptz NOT NULL,
    code text,
    UNIQUE (resource, starts_at),
    CONSTRAINT slots_code_key UNIQUE NULLS NOT DISTINCT (code)
);
