-- MySQL will not change a column a foreign key uses: drop the FK, change both sides, add it back
CREATE TABLE users (id int NOT NULL PRIMARY KEY);
CREATE TABLE jobs (id int NOT NULL PRIMARY KEY, owner_id int, KEY jobs_owner_id_idx (owner_id), CONSTRAINT jobs_owner_id_fk FOREIGN KEY (owner_id) REFERENCES users (id));
INSERT INTO users VALUES (1), (2);
INSERT INTO jobs VALUES (1, 1), (2, 2);
