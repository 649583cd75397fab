CREATE TABLE shipments (
    id bigint,
    carrier text,
    weight_kg numeric(8,3)
);
ALTER TABLE shipments ADD CONSTRAINT shipments_pkey PRIMARY KEY (id);
ALTER TABLE shipments ADD COLUMN tracking text;
ALTER TABLE shipments ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'pending';
ALTER TABLE shipments ALTER COLUMN carrier SET NOT NULL, ALTER COLUMN weight_kg SET DEFAULT 0;
ALTER TABLE shipments ADD CONSTRAINT shipments_weight_check CHECK (weight_kg >= 0), ADD UNIQUE (tracking);
CREATE TABLE shipment_events (id bigint PRIMARY KEY, shipment_id bigint NOT NULL);
ALTER TABLE ONLY shipment_events ADD CONSTRAINT shipment_events_fk FOREIGN KEY (shipment_id) REFERENCES shipments (id) ON DELETE CASCADE;
