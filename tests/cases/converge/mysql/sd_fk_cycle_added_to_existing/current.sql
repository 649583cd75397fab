-- two existing tables gain foreign keys on each other, one through a column added with it (sqldef
-- ForeignKeyDependenciesCircular, in other words)
CREATE TABLE teams (team_id int PRIMARY KEY, title varchar(50));
CREATE TABLE players (player_id int PRIMARY KEY, team_id int, nick varchar(50));
INSERT INTO teams VALUES (1, 'reds'), (2, 'blues');
INSERT INTO players VALUES (10, 1, 'kit'), (11, 2, 'lou'), (12, NULL, 'max');
