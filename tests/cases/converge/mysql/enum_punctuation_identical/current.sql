CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, status enum('it''s queued','in progress','half-done','done/archived') NOT NULL DEFAULT 'in progress');
