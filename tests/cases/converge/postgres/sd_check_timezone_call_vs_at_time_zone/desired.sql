-- timezone(zone, ts) and ts AT TIME ZONE zone are one expression: equal CHECKs, nothing to fix
CREATE TABLE heartbeats (id bigint PRIMARY KEY, seen timestamp,
    CONSTRAINT heartbeats_seen_past CHECK ((seen AT TIME ZONE 'UTC') <= now()));
