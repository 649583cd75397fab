-- after migra tests/FIXTURES/enumdefaults
CREATE TYPE order_status AS ENUM ('pending', 'processing', 'complete');
CREATE TABLE orders (id serial PRIMARY KEY, status order_status DEFAULT 'pending'::order_status);
INSERT INTO orders (status) VALUES ('pending'), ('complete'), (DEFAULT);
