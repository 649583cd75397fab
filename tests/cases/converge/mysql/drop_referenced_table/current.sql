CREATE TABLE teams (id bigint NOT NULL PRIMARY KEY);
CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, team_id bigint, KEY jobs_team_id_idx (team_id), CONSTRAINT jobs_team_id_fk FOREIGN KEY (team_id) REFERENCES teams (id));
INSERT INTO teams VALUES (1);
INSERT INTO jobs VALUES (1, 1);
