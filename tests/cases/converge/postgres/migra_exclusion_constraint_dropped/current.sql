-- after migra tests/FIXTURES/constraints (circles_dropexclude)
CREATE TABLE leases (id int PRIMARY KEY, slot circle, EXCLUDE USING gist (slot WITH &&));
INSERT INTO leases VALUES (1, '<(0,0),1>');
