-- the view reading a column whose type changes is dropped by the schema: dropped before the change
CREATE TABLE jobs (id bigint PRIMARY KEY, total bigint NOT NULL);
