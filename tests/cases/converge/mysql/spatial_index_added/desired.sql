-- after Skeema's SPATIAL key testdata: a SPATIAL key on a geometry column
CREATE TABLE sites (id bigint NOT NULL PRIMARY KEY, location point NOT NULL, SPATIAL KEY sites_location_idx (location));
