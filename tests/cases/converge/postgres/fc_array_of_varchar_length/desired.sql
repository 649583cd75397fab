-- array of varchar length
CREATE TABLE t (tags varchar(20)[]);
