CREATE TABLE fine (id integer PRIMARY KEY);

CREATE TABLE broken (
    id integer,,  -- expect: error
    name text
);
