-- a nullable timestamp gains ON UPDATE CURRENT_TIMESTAMP
CREATE TABLE profiles (id int PRIMARY KEY, edited_at timestamp NULL DEFAULT NULL);
INSERT INTO profiles VALUES (1, NULL);
