-- a decimal column becomes UNSIGNED
CREATE TABLE prices (id int PRIMARY KEY, amount decimal(10,2) NOT NULL DEFAULT 0.00);
INSERT INTO prices VALUES (1, 9.99);
