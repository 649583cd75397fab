-- after atlas internal/integration/testdata/mysql/table-engine.txt (a MyISAM table goes back to the default engine)
CREATE TABLE notes (id int NOT NULL, body varchar(255) NOT NULL, PRIMARY KEY (id)) ENGINE=InnoDB;
