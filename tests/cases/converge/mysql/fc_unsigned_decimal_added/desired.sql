-- a decimal column becomes UNSIGNED
CREATE TABLE prices (id int PRIMARY KEY, amount decimal(10,2) unsigned NOT NULL DEFAULT 0.00);
