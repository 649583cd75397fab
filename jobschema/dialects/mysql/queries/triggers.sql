-- Triggers with their table, timing, event and body.
SELECT t.TRIGGER_NAME AS trigger_name,
       t.EVENT_OBJECT_TABLE AS table_name,
       t.ACTION_TIMING AS action_timing,
       t.EVENT_MANIPULATION AS event_manipulation,
       t.ACTION_ORDER AS action_order,
       t.ACTION_STATEMENT AS action_statement
FROM information_schema.TRIGGERS t
WHERE t.TRIGGER_SCHEMA = %(schema)s
ORDER BY t.EVENT_OBJECT_TABLE, t.TRIGGER_NAME
