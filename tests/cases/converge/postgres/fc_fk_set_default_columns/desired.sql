-- FK ON DELETE SET NULL with a column list (PostgreSQL 15)
CREATE TABLE tenants (id int PRIMARY KEY);
CREATE TABLE q (tenant int, id int, PRIMARY KEY (tenant, id));
CREATE TABLE j (id int PRIMARY KEY, tenant int NOT NULL DEFAULT 0, qid int, CONSTRAINT j_q_fk FOREIGN KEY (tenant, qid) REFERENCES q ON DELETE SET NULL (qid) ON UPDATE SET DEFAULT);
