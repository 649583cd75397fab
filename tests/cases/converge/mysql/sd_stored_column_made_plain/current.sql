-- a STORED generated column becomes a plain NOT NULL one in place, keeping its values
CREATE TABLE parcels_weighed (id int PRIMARY KEY, grams int NOT NULL, kilos int AS (grams DIV 1000) STORED);
INSERT INTO parcels_weighed (id, grams) VALUES (1, 2500), (2, 12000);
