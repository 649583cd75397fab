-- the schema drops an exclusion constraint; the rows stay
CREATE TABLE shifts (id int PRIMARY KEY, during daterange NOT NULL, CONSTRAINT shifts_no_overlap EXCLUDE USING gist (during WITH &&));
INSERT INTO shifts VALUES (1, '[2024-01-01,2024-01-05)');
