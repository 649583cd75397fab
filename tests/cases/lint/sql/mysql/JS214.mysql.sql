SET SESSION lock_wait_timeout = 5; SET max_statement_time = 30;
TRUNCATE TABLE batch_items;  -- ok: JS214
