-- the partition key differs and, in the same fix, a column is added, one widened and a generated column kept
CREATE TABLE audit_trail (id bigint NOT NULL, at date NOT NULL, actor varchar(20) NOT NULL, note text, actor_upper text GENERATED ALWAYS AS (upper(actor)) STORED) PARTITION BY RANGE (at);
CREATE TABLE audit_trail_all PARTITION OF audit_trail FOR VALUES FROM (MINVALUE) TO (MAXVALUE);
CREATE INDEX audit_trail_actor ON audit_trail (actor);
INSERT INTO audit_trail (id, at, actor, note) VALUES (1, '2024-01-01', 'ann', 'x'), (2, '2025-01-01', 'bob', NULL);
