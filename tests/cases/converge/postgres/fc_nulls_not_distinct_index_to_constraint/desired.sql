-- a NULLS NOT DISTINCT unique index the schema holds as a unique constraint
CREATE TABLE slugs (id int PRIMARY KEY, scope int, slug text NOT NULL, CONSTRAINT slugs_scope_slug_key UNIQUE NULLS NOT DISTINCT (scope, slug));
