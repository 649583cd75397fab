"""What the format cannot describe is recorded by ``inspect`` (``unmanaged:`` in module.yaml) and compared by
``audit``: the inspected database audits clean, another one that lacks a recorded fact (JS371) or has it
otherwise (JS372) does not, and a fact the record does not hold stays JS370."""

from __future__ import annotations

from dbutil import apply_sql_mysql, apply_sql_pg

from jobschema import api
from jobschema.load.build import load_project


def codes(result) -> set[tuple[str, str]]:
    return {(f.code, f.path) for f in result.findings}


def test_postgres_record_round_trips_and_is_compared(pg_dsn, tmp_path):
    apply_sql_pg(pg_dsn, """
        CREATE TABLE jobs (id int PRIMARY KEY, state text);
        CREATE UNLOGGED TABLE scratch (id int);
        CREATE RULE no_delete AS ON DELETE TO jobs DO INSTEAD NOTHING;
    """)
    schema = tmp_path / "schema"
    inspected = api.inspect_db(pg_dsn, "app", str(schema))
    recorded = {(u.kind, u.table, u.name) for u in inspected.module.unmanaged}
    assert {("rule", "jobs", "no_delete"), ("unlogged table", None, "scratch")} <= recorded
    loaded = load_project(str(schema)).module("app")
    assert loaded.unmanaged == inspected.module.unmanaged  # load(emit(m)) == m
    assert api.audit(pg_dsn, str(schema), module="app").findings == []  # its own inspection: clean

    apply_sql_pg(pg_dsn, """
        CREATE OR REPLACE RULE no_delete AS ON DELETE TO jobs WHERE old.id > 0 DO INSTEAD NOTHING;
        CREATE RULE no_update AS ON UPDATE TO jobs DO INSTEAD NOTHING;
        ALTER TABLE scratch SET LOGGED;
    """)
    got = codes(api.audit(pg_dsn, str(schema), module="app"))
    assert {("JS372", "app.jobs.no_delete"), ("JS371", "app.scratch"), ("JS370", "app.jobs.no_update")} <= got


def test_mysql_partitioning_record_is_compared(mysql_dsn, tmp_path):
    apply_sql_mysql(mysql_dsn, "CREATE TABLE events (id int NOT NULL, PRIMARY KEY (id)) "
                               "PARTITION BY HASH (id) PARTITIONS 2;")
    schema = tmp_path / "schema"
    api.inspect_db(mysql_dsn, "app", str(schema))
    assert api.audit(mysql_dsn, str(schema), module="app").findings == []
    apply_sql_mysql(mysql_dsn, "ALTER TABLE events REMOVE PARTITIONING;")
    assert ("JS371", "app.events") in codes(api.audit(mysql_dsn, str(schema), module="app"))
