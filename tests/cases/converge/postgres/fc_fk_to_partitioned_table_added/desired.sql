-- a foreign key to a partitioned table
CREATE TABLE shipments (id bigint NOT NULL, region text NOT NULL, PRIMARY KEY (id, region)) PARTITION BY LIST (region);
CREATE TABLE shipments_eu PARTITION OF shipments FOR VALUES IN ('eu');
CREATE TABLE shipments_us PARTITION OF shipments FOR VALUES IN ('us');
CREATE TABLE parcels (id int PRIMARY KEY, shipment_id bigint NOT NULL, region text NOT NULL, CONSTRAINT parcels_shipment_fkey FOREIGN KEY (shipment_id, region) REFERENCES shipments (id, region) ON DELETE CASCADE);
