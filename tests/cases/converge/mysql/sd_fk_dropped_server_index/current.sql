-- a foreign key the schema drops takes the index InnoDB made for it along (sqldef DropForeignKey, in other words)
CREATE TABLE shelves (id bigint PRIMARY KEY);
CREATE TABLE crates (label varchar(40), shelf_id bigint, CONSTRAINT crates_shelf FOREIGN KEY (shelf_id) REFERENCES shelves (id));
INSERT INTO shelves VALUES (1), (2);
INSERT INTO crates VALUES ('apples', 1), ('pears', 2), ('loose', NULL);
