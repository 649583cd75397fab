-- FK MATCH FULL added
CREATE TABLE q (a int, b int, PRIMARY KEY (a, b));
CREATE TABLE j (id int PRIMARY KEY, qa int, qb int, CONSTRAINT j_q_fk FOREIGN KEY (qa, qb) REFERENCES q (a, b) MATCH FULL);
