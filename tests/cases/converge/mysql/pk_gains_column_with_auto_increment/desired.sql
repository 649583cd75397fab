CREATE TABLE events (id bigint NOT NULL AUTO_INCREMENT, tenant varchar(20) NOT NULL, PRIMARY KEY (id, tenant));
