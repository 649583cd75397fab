CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, status varchar(20) NOT NULL DEFAULT 'queued', created_at datetime DEFAULT current_timestamp());
