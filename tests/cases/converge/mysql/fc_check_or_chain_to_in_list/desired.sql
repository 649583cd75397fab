-- a CHECK written as an OR chain that the schema writes as an IN list of the same values
CREATE TABLE tickets (id int PRIMARY KEY, level varchar(8), CONSTRAINT tickets_level_chk CHECK (level IN ('low', 'high')));
