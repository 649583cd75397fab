-- a CHECK's value list in another order: MariaDB keeps the order as written
CREATE TABLE runs (id int PRIMARY KEY, state varchar(10), CONSTRAINT runs_state_chk CHECK (state IN ('new', 'running', 'done')));
