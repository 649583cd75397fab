-- after migra tests/FIXTURES/constraints (circles_dropexclude)
CREATE TABLE leases (id int PRIMARY KEY, slot circle);
