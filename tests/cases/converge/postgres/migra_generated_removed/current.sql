-- after migra tests/FIXTURES/identitycols (gen.removing)
CREATE TABLE gen (id int PRIMARY KEY, removing integer GENERATED ALWAYS AS (1) STORED);
INSERT INTO gen (id) VALUES (1);
