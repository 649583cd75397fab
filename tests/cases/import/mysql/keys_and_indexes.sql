CREATE TABLE events (
  id int NOT NULL AUTO_INCREMENT,
  kind varchar(40) NOT NULL,
  source varchar(40) NOT NULL,
  created datetime(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY events_kind_source (kind, source),
  KEY events_created (created),
  INDEX events_kind_created (kind, created DESC)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX events_source ON events (source);
CREATE UNIQUE INDEX events_created_id ON events (created, id);
