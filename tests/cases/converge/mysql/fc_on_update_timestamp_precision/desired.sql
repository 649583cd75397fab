-- ON UPDATE CURRENT_TIMESTAMP added to a datetime(6) column with a fractional default
CREATE TABLE leases (id int PRIMARY KEY, renewed datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6));
