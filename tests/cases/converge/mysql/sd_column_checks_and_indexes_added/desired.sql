-- a column, two unnamed CHECKs and two indexes added to a table with a foreign key (sqldef
-- AddColumnCheckAndIndex, in other words)
CREATE TABLE publishers (id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, name varchar(100) NOT NULL);
CREATE TABLE titles (id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, name varchar(100) NOT NULL,
  publisher_id bigint unsigned NOT NULL, cost decimal(8, 2) NOT NULL, copies int NOT NULL DEFAULT 0,
  FOREIGN KEY (publisher_id) REFERENCES publishers (id), CHECK (cost > 0), CHECK (copies >= 0),
  INDEX titles_by_publisher (publisher_id), INDEX titles_by_cost (cost));
