-- after skeema internal/tengo/testdata/inviscols.sql (an invisible key column, an invisible defaulted one and an invisible generated one)
CREATE TABLE visitors (id int unsigned NOT NULL INVISIBLE AUTO_INCREMENT, first_name varchar(40) NOT NULL, last_name varchar(40),
    seen_at timestamp NULL DEFAULT current_timestamp INVISIBLE, name_len int AS (length(first_name)) INVISIBLE COMMENT 'computed', PRIMARY KEY (id));
