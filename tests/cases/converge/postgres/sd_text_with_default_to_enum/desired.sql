-- a text column with a default becomes a native enum column keeping that default
CREATE TYPE parcel_stage AS ENUM ('queued', 'sent', 'lost');
CREATE TABLE parcels (id bigint PRIMARY KEY, stage parcel_stage NOT NULL DEFAULT 'queued');
