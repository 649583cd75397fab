-- a JSON column gains an expression default
CREATE TABLE prefs (id int PRIMARY KEY, data json);
INSERT INTO prefs VALUES (1, '{"a": 1}');
