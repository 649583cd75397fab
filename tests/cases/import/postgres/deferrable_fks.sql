CREATE TABLE parents (
    id integer PRIMARY KEY
);
CREATE TABLE children (
    id integer PRIMARY KEY,
    parent_id integer REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED,
    other_parent_id integer,
    CONSTRAINT children_other_fk FOREIGN KEY (other_parent_id) REFERENCES parents (id) DEFERRABLE
);
