-- after atlas internal/integration/testdata/postgres/column-range.txt (range and multirange columns added)
CREATE TABLE windows (id int PRIMARY KEY, slots int4range, big_slots int8range, amounts numrange, at tsrange, at_tz tstzrange, days daterange,
    many_slots int4multirange, many_days datemultirange, many_at tstzmultirange);
