CREATE TABLE users (id bigint NOT NULL PRIMARY KEY);
CREATE TABLE teams (id bigint NOT NULL PRIMARY KEY, lead_id bigint, KEY teams_lead_id_idx (lead_id));
CREATE TABLE members (id bigint NOT NULL PRIMARY KEY, team_id bigint NOT NULL, KEY members_team_id_idx (team_id), CONSTRAINT members_team_id_fk FOREIGN KEY (team_id) REFERENCES teams (id));
ALTER TABLE teams ADD CONSTRAINT teams_lead_id_fk FOREIGN KEY (lead_id) REFERENCES members (id);
