CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, status enum('queued','in progress','on hold','re-try','done/archived','won''t fix') NOT NULL DEFAULT 'queued');
