-- the schema drops an exclusion constraint; the rows stay
CREATE TABLE shifts (id int PRIMARY KEY, during daterange NOT NULL);
