-- a foreign key the schema drops takes the index InnoDB made for it along (sqldef DropForeignKey, in other words)
CREATE TABLE shelves (id bigint PRIMARY KEY);
CREATE TABLE crates (label varchar(40), shelf_id bigint);
