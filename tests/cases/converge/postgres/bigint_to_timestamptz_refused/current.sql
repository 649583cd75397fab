-- without a using: expression the plan refuses before writing, naming the column
CREATE TABLE events (id bigint PRIMARY KEY, happened bigint NOT NULL);
INSERT INTO events VALUES (1, 0);
