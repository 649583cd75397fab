-- timestamp precision
CREATE TABLE t (at timestamptz);
