-- an array-of-enum column gains a default
CREATE TYPE channel AS ENUM ('mail', 'sms', 'push');
CREATE TABLE alerts (id int PRIMARY KEY, channels channel[] NOT NULL DEFAULT '{}');
INSERT INTO alerts VALUES (1, '{sms}');
