CREATE TABLE ok_table (id int NOT NULL, PRIMARY KEY (id));
CREATE TABLE broken (id int NOT NULLL); -- expect: error
