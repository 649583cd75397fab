CREATE TABLE jobs (id uuid PRIMARY KEY, name text);
