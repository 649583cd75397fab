--
-- PostgreSQL database dump, the way pg_dump writes a serial column
--
SET statement_timeout = 0; -- expect: skipped
SET client_encoding = 'UTF8'; -- expect: skipped
SELECT pg_catalog.set_config('search_path', '', false); -- expect: skipped

CREATE TABLE public.jobs (
    id integer NOT NULL,
    status text DEFAULT 'queued'::text NOT NULL,
    CONSTRAINT jobs_status_check CHECK ((status = ANY (ARRAY['queued'::text, 'running'::text, 'done'::text])))
);

ALTER TABLE public.jobs OWNER TO postgres; -- expect: skipped

CREATE SEQUENCE public.jobs_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.jobs_id_seq OWNED BY public.jobs.id;

ALTER TABLE ONLY public.jobs ALTER COLUMN id SET DEFAULT nextval('public.jobs_id_seq'::regclass);

ALTER TABLE ONLY public.jobs
    ADD CONSTRAINT jobs_pkey PRIMARY KEY (id);

CREATE INDEX jobs_status_idx ON public.jobs USING btree (status);
