-- timestamp precision
CREATE TABLE t (at timestamptz(3));
