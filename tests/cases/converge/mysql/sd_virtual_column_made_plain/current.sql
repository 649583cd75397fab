-- a VIRTUAL generated column becomes a plain one that keeps the values it showed (sqldef
-- ChangeGenerateColumnGeneratedToRegular, in other words)
CREATE TABLE invoices (id int NOT NULL AUTO_INCREMENT, net int NOT NULL, gross int AS (net * 12 DIV 10) VIRTUAL, note varchar(20),
  PRIMARY KEY (id));
INSERT INTO invoices (net, note) VALUES (100, 'a'), (250, 'b');
