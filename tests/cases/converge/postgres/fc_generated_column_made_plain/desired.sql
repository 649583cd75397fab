-- a generated column the schema keeps as a plain column: its values stay
CREATE TABLE line_items (id int PRIMARY KEY, qty int NOT NULL, price numeric(10,2) NOT NULL, total numeric(12,2));
