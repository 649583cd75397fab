-- a CHECK whose name differs only in case (sqldef CheckConstraintNameCaseInsensitive, in other words)
CREATE TABLE bottles (id int PRIMARY KEY, litres int, CONSTRAINT LITRES_POSITIVE CHECK (litres > 0));
INSERT INTO bottles VALUES (1, 2), (2, 5);
