-- a text column with a default becomes a native enum column keeping that default
CREATE TABLE parcels (id bigint PRIMARY KEY, stage text NOT NULL DEFAULT 'queued');
INSERT INTO parcels VALUES (1, 'queued'), (2, 'sent');
