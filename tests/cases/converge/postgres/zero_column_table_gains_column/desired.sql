CREATE TABLE markers (id bigint);
