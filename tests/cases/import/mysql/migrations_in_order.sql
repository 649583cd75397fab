CREATE TABLE users (
  id int NOT NULL,
  email varchar(100) NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE jobs (
  id int NOT NULL,
  owner int DEFAULT NULL,
  state enum('new','done') NOT NULL DEFAULT 'new',
  junk int DEFAULT NULL,
  PRIMARY KEY (id),
  KEY jobs_junk (junk),
  CONSTRAINT jobs_owner_fk FOREIGN KEY (owner) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
ALTER TABLE jobs DROP INDEX jobs_junk, DROP COLUMN junk;
ALTER TABLE jobs MODIFY COLUMN state enum('new','running','done') NOT NULL DEFAULT 'new';
ALTER TABLE jobs CHANGE COLUMN owner owner_id int DEFAULT NULL;
ALTER TABLE users ADD COLUMN nickname varchar(40) DEFAULT NULL, ADD UNIQUE KEY users_email (email);
DROP TABLE IF EXISTS old_jobs; -- expect: skipped
