-- the desired table spells out DEFAULT NULL, which the server keeps as a default of its own
CREATE TABLE mailbox (id bigint PRIMARY KEY, folder varchar(30) DEFAULT NULL);
