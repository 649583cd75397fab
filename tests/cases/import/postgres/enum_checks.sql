CREATE TABLE orders (
    id bigint PRIMARY KEY,
    status varchar(20) NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'paid', 'shipped')),
    channel text CONSTRAINT orders_channel_allowed CHECK (channel = ANY (ARRAY['web'::text, 'shop'::text])),
    priority text,
    kind text,
    CONSTRAINT orders_priority_check CHECK (priority IN ('low', 'high')),
    CONSTRAINT orders_kind_or CHECK (kind = 'a' OR kind = 'b')
);
