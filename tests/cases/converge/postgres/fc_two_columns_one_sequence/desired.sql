-- two columns of one table drawing from one sequence; the second is added
CREATE SEQUENCE stamp_seq;
CREATE TABLE stamps (id bigint PRIMARY KEY DEFAULT nextval('stamp_seq'), label text, version bigint NOT NULL DEFAULT nextval('stamp_seq'));
