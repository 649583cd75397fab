-- after atlas internal/integration/testdata/postgres/column-identity.txtar
CREATE TABLE users (name int NOT NULL GENERATED ALWAYS AS IDENTITY (START WITH 10 INCREMENT BY 10));
