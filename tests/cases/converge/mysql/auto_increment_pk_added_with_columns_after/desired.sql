CREATE TABLE jobs (id int unsigned NOT NULL AUTO_INCREMENT, kind varchar(10) DEFAULT 'x', name varchar(40), PRIMARY KEY (id));
