CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, team_id bigint, KEY jobs_team_id_idx (team_id));
