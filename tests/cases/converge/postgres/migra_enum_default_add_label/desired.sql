-- after migra tests/FIXTURES/enumdefaults
CREATE TYPE order_status AS ENUM ('pending', 'processing', 'complete', 'rejected');
CREATE TABLE orders (id serial PRIMARY KEY, status order_status DEFAULT 'pending'::order_status);
