-- after migra tests/FIXTURES/identitycols (gen.removing)
CREATE TABLE gen (id int PRIMARY KEY, removing integer);
