-- an enum gains a label while a function takes the enum as its argument
CREATE TYPE job_kind AS ENUM ('mail', 'sms');
CREATE TABLE sends (kind job_kind);
CREATE FUNCTION log_kind(k job_kind) RETURNS void LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE '%', k; END; $$;
INSERT INTO sends VALUES ('sms');
