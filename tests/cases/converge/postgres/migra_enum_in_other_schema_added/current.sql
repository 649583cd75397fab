-- after migra tests/FIXTURES/enumdefaults (other.otherenum2)
CREATE TYPE order_status AS ENUM ('pending', 'complete');
CREATE TABLE orders (id serial PRIMARY KEY, status order_status DEFAULT 'pending'::order_status);
INSERT INTO orders (status) VALUES ('complete');
