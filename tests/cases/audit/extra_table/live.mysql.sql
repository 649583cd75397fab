CREATE TABLE scratch (id int);
