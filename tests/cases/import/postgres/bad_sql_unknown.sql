CREATE TABLE fine (id integer PRIMARY KEY);
CRATE TABLE typo (id integer); -- expect: error
