-- a foreign key to a partitioned table
CREATE TABLE shipments (id bigint NOT NULL, region text NOT NULL, PRIMARY KEY (id, region)) PARTITION BY LIST (region);
CREATE TABLE shipments_eu PARTITION OF shipments FOR VALUES IN ('eu');
CREATE TABLE shipments_us PARTITION OF shipments FOR VALUES IN ('us');
CREATE TABLE parcels (id int PRIMARY KEY, shipment_id bigint NOT NULL, region text NOT NULL);
INSERT INTO shipments VALUES (1, 'eu'), (2, 'us');
INSERT INTO parcels VALUES (10, 1, 'eu');
