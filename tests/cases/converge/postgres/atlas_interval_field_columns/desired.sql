-- after atlas internal/integration/testdata/postgres/column-interval.txt (interval columns with fields and precision)
CREATE TABLE timers (id int PRIMARY KEY, every interval NOT NULL DEFAULT '3 hours', fine interval(1), secs interval second(1), span interval day to second(4));
