-- a datetime column's precision and its CURRENT_TIMESTAMP default precision grow together
CREATE TABLE events_seen (id int PRIMARY KEY, at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6));
