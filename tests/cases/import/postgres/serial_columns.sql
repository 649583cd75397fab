CREATE TABLE queues (
    id serial PRIMARY KEY,
    name varchar(100) NOT NULL UNIQUE
);

CREATE TABLE queue_items (
    id bigserial PRIMARY KEY,
    queue_id integer NOT NULL REFERENCES queues (id) ON DELETE CASCADE,
    payload jsonb NOT NULL DEFAULT '{}'::jsonb
);
