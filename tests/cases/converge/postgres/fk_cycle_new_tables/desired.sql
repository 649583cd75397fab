CREATE TABLE users (id bigint PRIMARY KEY);
CREATE TABLE teams (id bigint PRIMARY KEY, lead_id bigint);
CREATE TABLE members (id bigint PRIMARY KEY, team_id bigint NOT NULL CONSTRAINT members_team_id_fkey REFERENCES teams (id));
ALTER TABLE teams ADD CONSTRAINT teams_lead_id_fkey FOREIGN KEY (lead_id) REFERENCES members (id);
