-- the partition key differs
CREATE TABLE events (id bigint NOT NULL, created date NOT NULL) PARTITION BY RANGE (created);
