-- the partition key differs and, in the same fix, a column is added, one widened and a generated column kept
CREATE TABLE audit_trail (id bigint NOT NULL, at date NOT NULL, actor varchar(40) NOT NULL, note text, actor_upper text GENERATED ALWAYS AS (upper(actor)) STORED, source text NOT NULL DEFAULT 'app') PARTITION BY LIST (actor);
CREATE TABLE audit_trail_ann PARTITION OF audit_trail FOR VALUES IN ('ann');
CREATE TABLE audit_trail_rest PARTITION OF audit_trail DEFAULT;
CREATE INDEX audit_trail_actor ON audit_trail (actor);
