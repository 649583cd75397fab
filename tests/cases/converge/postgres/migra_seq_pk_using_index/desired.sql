-- after migra tests/FIXTURES/seq
CREATE SEQUENCE public.test_id_seq;
CREATE TABLE public.test (id integer NOT NULL DEFAULT nextval('test_id_seq'::regclass));
CREATE UNIQUE INDEX test_pkey ON public.test USING btree (id);
ALTER TABLE public.test ADD CONSTRAINT test_pkey PRIMARY KEY USING INDEX test_pkey;
CREATE TABLE test2 (id serial PRIMARY KEY);
