INSERT INTO readings (id, value, delta) VALUES (1, -999.50, -5), (2, 1000, 5);
