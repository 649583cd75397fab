-- a NULLS NOT DISTINCT unique index the schema holds as a unique constraint
CREATE TABLE slugs (id int PRIMARY KEY, scope int, slug text NOT NULL);
CREATE UNIQUE INDEX slugs_scope_slug_key ON slugs (scope, slug) NULLS NOT DISTINCT;
INSERT INTO slugs VALUES (1, NULL, 'a');
