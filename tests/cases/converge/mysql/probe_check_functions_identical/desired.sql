-- CHECKs calling functions audit clean against the same database
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, name varchar(40), doc text, code varchar(10),
  CONSTRAINT name_len CHECK (char_length(name) > 2), CONSTRAINT doc_json CHECK (json_valid(doc)),
  CONSTRAINT code_re CHECK (code REGEXP '^[a-z]+$'), CONSTRAINT code_low CHECK (lower(code) = code),
  CONSTRAINT name_set CHECK (coalesce(name, '') <> ''));
