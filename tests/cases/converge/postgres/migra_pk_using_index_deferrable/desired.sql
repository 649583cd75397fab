-- after migra tests/FIXTURES/constraints (c_pkey ... USING INDEX DEFERRABLE)
CREATE TABLE workers (worker_id int UNIQUE);
CREATE UNIQUE INDEX workers_pkey ON public.workers USING btree (worker_id);
ALTER TABLE public.workers ADD CONSTRAINT workers_pkey PRIMARY KEY USING INDEX workers_pkey DEFERRABLE INITIALLY DEFERRED;
