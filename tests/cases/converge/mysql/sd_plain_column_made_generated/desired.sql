-- a plain column the schema computes from another: its values give way to the computed ones (sqldef
-- ChangeGenerateColumnRegularToGenerated, in other words)
CREATE TABLE rectangles (id int PRIMARY KEY, width int NOT NULL, height int NOT NULL, area int AS (width * height) VIRTUAL,
  label varchar(10));
