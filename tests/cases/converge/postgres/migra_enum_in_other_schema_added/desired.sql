-- after migra tests/FIXTURES/enumdefaults (other.otherenum2)
CREATE SCHEMA other;
CREATE TYPE other.channel AS ENUM ('a', 'b', 'c');
CREATE TYPE order_status AS ENUM ('pending', 'complete');
CREATE TABLE orders (id serial PRIMARY KEY, status order_status DEFAULT 'pending'::order_status, channel other.channel);
