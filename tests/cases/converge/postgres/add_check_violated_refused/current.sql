-- a desired CHECK that live rows violate: the plan refuses before writing anything
CREATE TABLE jobs (id bigint PRIMARY KEY, total integer NOT NULL);
INSERT INTO jobs VALUES (1, -5), (2, 10);
