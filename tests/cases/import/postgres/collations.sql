CREATE TABLE labels (
    id integer PRIMARY KEY,
    code text COLLATE "C" NOT NULL,
    name varchar(200) COLLATE "POSIX",
    note text
);
