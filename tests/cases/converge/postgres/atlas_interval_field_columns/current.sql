-- after atlas internal/integration/testdata/postgres/column-interval.txt (interval columns with fields and precision)
CREATE TABLE timers (id int PRIMARY KEY, every interval NOT NULL);
INSERT INTO timers VALUES (1, '1 hour');
