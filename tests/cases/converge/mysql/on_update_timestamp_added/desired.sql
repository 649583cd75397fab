CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, updated_at timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp());
