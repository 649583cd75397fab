-- a STORED generated column becomes a plain NOT NULL one in place, keeping its values
CREATE TABLE parcels_weighed (id int PRIMARY KEY, grams int NOT NULL, kilos int NOT NULL);
