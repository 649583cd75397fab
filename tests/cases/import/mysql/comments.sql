CREATE TABLE batches (
  id int NOT NULL COMMENT 'Primary key.',
  status varchar(20) NOT NULL DEFAULT 'new' COMMENT 'It''s the status; \'quoted\'.',
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='Batches of work';
