-- identity options back to the defaults: every option the schema leaves out is set back
CREATE TABLE tickets (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);
CREATE TABLE counters (n smallint GENERATED ALWAYS AS IDENTITY (MAXVALUE 500 CACHE 10 CYCLE));
