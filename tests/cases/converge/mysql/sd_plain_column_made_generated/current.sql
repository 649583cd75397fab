-- a plain column the schema computes from another: its values give way to the computed ones (sqldef
-- ChangeGenerateColumnRegularToGenerated, in other words)
CREATE TABLE rectangles (id int PRIMARY KEY, width int NOT NULL, height int NOT NULL, area int, label varchar(10));
INSERT INTO rectangles VALUES (1, 2, 3, NULL, 'x'), (2, 4, 5, 99, 'y');
