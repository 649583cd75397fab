-- a primary key widened to two columns and given a comment (sqldef CreateTableChangePrimaryKeyWithComment,
-- in other words)
CREATE TABLE seats (hall_id int NOT NULL, seat_no int NOT NULL, booked_at datetime NOT NULL,
  PRIMARY KEY (hall_id, seat_no) COMMENT 'one booking per seat and hall');
