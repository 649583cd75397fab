-- a single-column key becomes a (tenant, id) key while a foreign key references it; the referencing side
-- gains the tenant column and its foreign key grows with the key
CREATE TABLE shelves (shelf_id int PRIMARY KEY, tenant int, label text);
CREATE TABLE bins (bin_id int PRIMARY KEY, shelf_id int,
    CONSTRAINT bins_shelf_fk FOREIGN KEY (shelf_id) REFERENCES shelves (shelf_id));
INSERT INTO shelves VALUES (1, 7, 'a'), (2, 7, 'b');
INSERT INTO bins VALUES (10, 1), (11, NULL);
