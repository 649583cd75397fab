CREATE TABLE documents (
    id bigint PRIMARY KEY,
    body jsonb NOT NULL DEFAULT '{}'::jsonb,
    tags text[] NOT NULL DEFAULT '{}'::text[],
    created_at timestamptz NOT NULL DEFAULT now(),
    slug text NOT NULL
);
CREATE INDEX documents_body_gin ON documents USING gin (body jsonb_path_ops);
CREATE INDEX documents_tags_gin ON documents USING gin (tags);
CREATE INDEX documents_created_brin ON documents USING brin (created_at);
CREATE INDEX documents_slug_hash ON documents USING hash (slug);
CREATE INDEX documents_slug_pattern ON documents (slug text_pattern_ops);
