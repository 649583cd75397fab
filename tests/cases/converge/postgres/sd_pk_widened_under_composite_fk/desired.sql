-- a single-column key becomes a (tenant, id) key while a foreign key references it; the referencing side
-- gains the tenant column and its foreign key grows with the key
CREATE TABLE shelves (shelf_id int NOT NULL, tenant int NOT NULL, label text, PRIMARY KEY (tenant, shelf_id));
CREATE TABLE bins (bin_id int PRIMARY KEY, shelf_id int, tenant int,
    CONSTRAINT bins_shelf_fk FOREIGN KEY (tenant, shelf_id) REFERENCES shelves (tenant, shelf_id));
