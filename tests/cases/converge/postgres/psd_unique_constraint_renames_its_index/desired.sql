CREATE TABLE leases (token int);
CREATE UNIQUE INDEX leases_token_idx ON leases (token);
ALTER TABLE leases ADD CONSTRAINT leases_token_unique UNIQUE USING INDEX leases_token_idx;
