-- defaults that differ only by the cast the server adds are not drift
CREATE TABLE jobs (id bigint PRIMARY KEY, kind varchar(20) NOT NULL DEFAULT 'batch', note varchar(100) DEFAULT NULL::character varying, label text DEFAULT 'x'::character varying);
