CREATE TABLE jobs (id bigint PRIMARY KEY, total integer, CONSTRAINT "Jobs_Total_Check" CHECK (total >= 0));
