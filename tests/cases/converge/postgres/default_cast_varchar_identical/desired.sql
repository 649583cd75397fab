CREATE TABLE jobs (id bigint PRIMARY KEY, kind varchar(20) NOT NULL DEFAULT 'batch', note varchar(100) DEFAULT NULL::character varying, label text DEFAULT 'x'::character varying);
