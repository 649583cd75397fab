-- a JSON column gains an expression default
CREATE TABLE prefs (id int PRIMARY KEY, data json DEFAULT (json_object('theme', 'dark')));
