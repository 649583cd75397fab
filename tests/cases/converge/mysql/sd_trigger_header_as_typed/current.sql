-- a trigger written with quoted names and lower-case keywords: the catalog keeps the header as typed, which
-- means nothing; the trigger's timing, event, table and body are what a fix reproduces (sqldef TriggerSetNew)
CREATE TABLE members (id int unsigned NOT NULL AUTO_INCREMENT, name varchar(80) NOT NULL, left_at timestamp NULL,
  active_flag tinyint(1) DEFAULT '1', PRIMARY KEY (id));
INSERT INTO members (name) VALUES ('ann'), ('bo');
