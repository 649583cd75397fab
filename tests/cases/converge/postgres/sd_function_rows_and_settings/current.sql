-- a set-returning function's ROWS estimate and a function's own settings besides search_path: the live
-- side has neither, or other values
CREATE FUNCTION due_batches(lim integer) RETURNS SETOF integer LANGUAGE sql STABLE
AS $$ SELECT g FROM generate_series(1, lim) g $$;
CREATE FUNCTION sweep_stale() RETURNS void LANGUAGE plpgsql
SET lock_timeout = '1s'
AS $$ BEGIN PERFORM 1; END $$;
