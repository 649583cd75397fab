-- after atlas internal/integration/testdata/postgres/column-enum-array.txt (an enum type used only as the
-- element of an array column of a table the schema drops)
CREATE TYPE channel AS ENUM ('mail', 'sms', 'push');
CREATE TABLE subscriptions (id int PRIMARY KEY, channels channel[] NOT NULL);
CREATE TABLE accounts (id int PRIMARY KEY);
INSERT INTO accounts VALUES (1);
