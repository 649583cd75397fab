-- a CHECK whose name differs only in case (sqldef CheckConstraintNameCaseInsensitive, in other words)
CREATE TABLE bottles (id int PRIMARY KEY, litres int, CONSTRAINT litres_positive CHECK (litres > 0));
