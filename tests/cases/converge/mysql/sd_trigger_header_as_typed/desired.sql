-- a trigger written with quoted names and lower-case keywords: the catalog keeps the header as typed, which
-- means nothing; the trigger's timing, event, table and body are what a fix reproduces (sqldef TriggerSetNew)
CREATE TABLE members (id int unsigned NOT NULL AUTO_INCREMENT, name varchar(80) NOT NULL, left_at timestamp NULL,
  active_flag tinyint(1) DEFAULT '1', PRIMARY KEY (id));
CREATE TRIGGER `members_keep_flag` before update ON `members` FOR EACH ROW set NEW.active_flag = case when NEW.left_at is null then 1 else null end;
