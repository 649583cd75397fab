-- the table other tables reference goes: their foreign keys go first
CREATE TABLE teams (id bigint PRIMARY KEY);
CREATE TABLE jobs (id bigint PRIMARY KEY, team_id bigint CONSTRAINT jobs_team_id_fkey REFERENCES teams (id));
INSERT INTO teams VALUES (1);
INSERT INTO jobs VALUES (1, 1);
