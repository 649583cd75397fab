-- after Skeema's SPATIAL key testdata: a SPATIAL key on a geometry column
CREATE TABLE sites (id bigint NOT NULL PRIMARY KEY, location point NOT NULL);
INSERT INTO sites VALUES (1, POINT(1, 2));
