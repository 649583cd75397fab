-- two existing tables gain foreign keys on each other, one through a column added with it (sqldef
-- ForeignKeyDependenciesCircular, in other words)
CREATE TABLE teams (team_id int PRIMARY KEY, title varchar(50), captain_id int);
CREATE TABLE players (player_id int PRIMARY KEY, team_id int, nick varchar(50),
  CONSTRAINT players_team FOREIGN KEY (team_id) REFERENCES teams (team_id));
ALTER TABLE teams ADD CONSTRAINT teams_captain FOREIGN KEY (captain_id) REFERENCES players (player_id);
