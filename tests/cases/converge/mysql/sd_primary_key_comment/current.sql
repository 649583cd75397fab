-- a primary key widened to two columns and given a comment (sqldef CreateTableChangePrimaryKeyWithComment,
-- in other words)
CREATE TABLE seats (hall_id int NOT NULL PRIMARY KEY, seat_no int NOT NULL, booked_at datetime NOT NULL);
INSERT INTO seats VALUES (1, 1, '2024-05-01 10:00:00'), (2, 1, '2024-05-01 11:00:00');
