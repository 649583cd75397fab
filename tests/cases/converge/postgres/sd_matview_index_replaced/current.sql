-- a materialized view's unnamed index is replaced by a wider one: the fix rebuilds the view, which takes its
-- old index with it, so the old index is not dropped a second time
CREATE TABLE queue_stats (queue text NOT NULL, depth integer NOT NULL);
CREATE MATERIALIZED VIEW queue_depths AS SELECT queue, depth FROM queue_stats;
CREATE INDEX ON queue_depths (queue);
INSERT INTO queue_stats VALUES ('mail', 3), ('sms', 0);
