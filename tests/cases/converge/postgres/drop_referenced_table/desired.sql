CREATE TABLE jobs (id bigint PRIMARY KEY, team_id bigint);
