-- A migrations folder read in order: later scripts change what earlier ones created.
CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    nickname text
);
CREATE TABLE jobs (
    id bigint PRIMARY KEY,
    owner bigint REFERENCES users (id),
    state text NOT NULL DEFAULT 'new',
    legacy_flag boolean,
    CONSTRAINT jobs_state_check CHECK (state IN ('new', 'done'))
);
CREATE INDEX jobs_legacy ON jobs (legacy_flag);
CREATE TABLE scratch (id integer);

ALTER TABLE jobs DROP COLUMN legacy_flag;
ALTER TABLE jobs RENAME COLUMN owner TO owner_id;
ALTER TABLE users RENAME COLUMN id TO user_id;
ALTER TABLE jobs DROP CONSTRAINT jobs_state_check;
ALTER TABLE jobs ADD CONSTRAINT jobs_state_check CHECK (state IN ('new', 'running', 'done'));
ALTER TABLE jobs ALTER COLUMN state TYPE varchar(20);
ALTER TABLE users RENAME TO accounts;
CREATE INDEX jobs_owner ON jobs (owner_id);
DROP INDEX jobs_owner;
DROP TABLE scratch;
DROP TABLE IF EXISTS never_created; -- expect: skipped
ALTER TABLE jobs RENAME CONSTRAINT jobs_state_check TO jobs_state_allowed;
