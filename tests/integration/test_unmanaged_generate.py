"""What ``generate`` writes for an inspected module applies to an empty database, and that database audits
clean against the module: the facts ``inspect`` records under ``unmanaged:`` are written too (types and
sequences before the tables, UNLOGGED and PARTITION BY in them, the rest after every other object)."""

from __future__ import annotations

from dbutil import apply_sql_mysql, apply_sql_pg, connect_pg

from jobschema import api
from jobschema.model.objects import Module, Project, UnmanagedItem

# one object or property of every kind the PostgreSQL inspector records as unmanaged
EVERY_KIND = """
CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE TYPE mood AS ENUM ('calm', 'it''s odd');
CREATE TYPE floatrange AS RANGE (subtype = float8);
CREATE DOMAIN posint AS integer DEFAULT 1 NOT NULL CHECK (VALUE > 0);
CREATE TYPE pair AS (a int, b text);
CREATE SEQUENCE counters AS integer START WITH 5 INCREMENT BY 5 MAXVALUE 1000 CYCLE;
CREATE TABLE jobs (
    id serial PRIMARY KEY,
    n posint,
    p pair,
    r floatrange,
    during int4range,
    code text COLLATE ci,
    ticket int DEFAULT nextval('counters'),
    body text COMPRESSION pglz,
    CONSTRAINT jobs_no_overlap EXCLUDE USING gist (during WITH &&)
) WITH (fillfactor = 70);
ALTER SEQUENCE jobs_id_seq START WITH 100 INCREMENT BY 2;
ALTER SEQUENCE counters OWNED BY jobs.ticket;
ALTER TABLE jobs ALTER COLUMN code SET STORAGE EXTERNAL, ALTER COLUMN n SET STATISTICS 500;
CREATE UNIQUE INDEX jobs_ticket ON jobs (ticket) WITH (fillfactor = 50);
ALTER TABLE jobs CLUSTER ON jobs_ticket;
ALTER TABLE jobs REPLICA IDENTITY FULL;
CREATE STATISTICS jobs_np (dependencies) ON n, ticket FROM jobs;
CREATE RULE jobs_no_delete AS ON DELETE TO jobs WHERE old.id < 0 DO INSTEAD NOTHING;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER jobs_touch BEFORE INSERT ON jobs FOR EACH ROW EXECUTE FUNCTION touch();
ALTER TABLE jobs DISABLE TRIGGER jobs_touch;
CREATE UNLOGGED TABLE scratch (id int);
CREATE TABLE events (id int, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE base (id int);
CREATE TABLE child (extra int) INHERITS (base);
CREATE VIEW job_ids WITH (security_barrier = true) AS SELECT id FROM jobs;
"""

KINDS = {"collation", "enum type", "range type", "domain", "composite type", "sequence", "sequence options",
         "sequence owner", "exclusion constraint", "storage parameters", "column storage", "column compression",
         "column statistics", "index storage parameters", "cluster index", "replica identity", "extended statistics",
         "rule", "trigger state", "unlogged table", "partitioning", "partition", "table inheritance", "view options"}


def test_generated_ddl_of_an_inspected_module_audits_clean(pg_dsn, tmp_path):
    apply_sql_pg(pg_dsn, EVERY_KIND)
    schema = tmp_path / "schema"
    inspected = api.inspect_db(pg_dsn, "app", str(schema))
    assert {u.kind for u in inspected.module.unmanaged} == KINDS
    project = api.load(str(schema))
    files = api.render_project(project, "app", "postgres").files
    again = api.render_project(project, "app", "postgres").files
    assert files == again
    assert "app/postgres/080_unmanaged.postgres.sql" in files
    with connect_pg(pg_dsn) as conn:
        conn.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        conn.execute("DROP FUNCTION IF EXISTS touch()")
    for path in sorted(files):
        apply_sql_pg(pg_dsn, files[path])
    result = api.audit(pg_dsn, str(schema), module="app")
    assert [f"{f.code} {f.path} {f.message}" for f in result.findings] == []


def test_a_dialect_that_cannot_write_a_fact_says_so():
    fact = UnmanagedItem("partitioning", "events", detail="PARTITIONED")
    module = Module(name="app", dialects=("mysql",), unmanaged=(fact,))
    result = api.render_project(Project(modules=(module,)), "app", "mysql")
    assert any("partitioning" in w.object and "not written for mysql" in w.message for w in result.warnings)
    assert any("-- WARNING: partitioning events" in text for text in result.files.values())


# every shape of key whose options only SHOW CREATE TABLE prints (not UNIQUE ... USING HASH on InnoDB: MariaDB
# builds it as a hash key and turns it into a BTREE one at the table's next ALTER, such as a CREATE INDEX)
MYSQL_KEY_OPTIONS = """
CREATE TABLE jobs (id int NOT NULL, code varchar(20), n int, note varchar(40),
    PRIMARY KEY (id) USING BTREE, UNIQUE KEY jobs_code (code) KEY_BLOCK_SIZE=8,
    KEY jobs_n (n) USING HASH COMMENT 'as written', KEY jobs_note (note(10) DESC) KEY_BLOCK_SIZE=4);
CREATE TABLE cache (id int NOT NULL PRIMARY KEY, k int, KEY cache_k (k) USING BTREE) ENGINE=MEMORY;
"""


def test_generated_mysql_ddl_writes_recorded_key_options(mysql_dsn, tmp_path):
    apply_sql_mysql(mysql_dsn, MYSQL_KEY_OPTIONS)
    schema = tmp_path / "schema"
    inspected = api.inspect_db(mysql_dsn, "app", str(schema))
    assert sorted((u.table, u.name, u.detail) for u in inspected.module.unmanaged) == [
        ("cache", "cache_k", "USING BTREE"), ("jobs", "PRIMARY", "USING BTREE"),
        ("jobs", "jobs_code", "KEY_BLOCK_SIZE=8"), ("jobs", "jobs_n", "USING HASH"),
        ("jobs", "jobs_note", "KEY_BLOCK_SIZE=4")]
    result = api.render_project(api.load(str(schema)), "app", "mysql")
    assert not [w for w in result.warnings if "key options" in w.object]
    apply_sql_mysql(mysql_dsn, "DROP TABLE jobs, cache;")
    for path in sorted(result.files):
        apply_sql_mysql(mysql_dsn, result.files[path])
    audited = api.audit(mysql_dsn, str(schema), module="app")
    assert [f"{f.code} {f.path} {f.message}" for f in audited.findings] == []
