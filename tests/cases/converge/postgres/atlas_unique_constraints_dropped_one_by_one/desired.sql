-- after atlas internal/integration/testdata/postgres/index-unique-constraint.txt (the single-column UNIQUE goes, the two-column one stays)
CREATE TABLE handles (first_name text, last_name text, nick text, UNIQUE (first_name, last_name));
