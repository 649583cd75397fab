-- an index whose name differs only in case: MariaDB matches either spelling but keeps the one it was given
-- (sqldef IndexNameCaseInsensitive, in other words)
CREATE TABLE parcels (id int PRIMARY KEY, zone varchar(20), KEY by_zone (zone));
