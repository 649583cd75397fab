-- ON UPDATE CURRENT_TIMESTAMP added to a datetime(6) column with a fractional default
CREATE TABLE leases (id int PRIMARY KEY, renewed datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6));
INSERT INTO leases (id, renewed) VALUES (1, '2024-01-01 00:00:00.123456');
