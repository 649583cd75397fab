CREATE TYPE job_kind AS ENUM ('mail', 'sms', 'push');
CREATE TABLE sends (kind job_kind);
CREATE FUNCTION log_kind(k job_kind) RETURNS void LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE '%', k; END; $$;
