CREATE TABLE settings (
    key text PRIMARY KEY,
    value text
);
GRANT SELECT ON settings TO PUBLIC; -- expect: unmanaged
INSERT INTO settings (key, value) VALUES ('mode', 'on'); -- expect: unmanaged
CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0); -- expect: unmanaged
DROP TABLE IF EXISTS old_settings; -- expect: skipped
