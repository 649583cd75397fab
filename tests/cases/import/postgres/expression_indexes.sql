CREATE TABLE accounts (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    first_name text,
    last_name text,
    score integer NOT NULL DEFAULT 0,
    bonus integer NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX accounts_email_lower_key ON accounts (lower(email));
CREATE INDEX accounts_total_idx ON accounts ((score + bonus) DESC);
CREATE INDEX accounts_name_idx ON accounts (lower(last_name), first_name);
CREATE INDEX ON accounts (score);
