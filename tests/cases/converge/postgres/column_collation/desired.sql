CREATE TABLE jobs (id bigint PRIMARY KEY, code text COLLATE "C" NOT NULL);
