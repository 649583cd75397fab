-- a unique constraint made from an existing unique index renames that index to the constraint's name
CREATE TABLE leases (token int);
CREATE UNIQUE INDEX leases_token_idx ON leases (token);
INSERT INTO leases VALUES (1), (2);
