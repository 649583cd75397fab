"""``jobschema audit`` over a fleet: several databases of the ``batch`` module, audited at once.

One fleet is built per module run (five PostgreSQL copies of one database, one with drift, and a MariaDB
database) and only read by the tests. They check what the fleet promises: never more than ``--jobs``
sessions open at once (seen by the server in ``pg_stat_activity``, and counted in the code path), a dead
database is its own error entry and changes nothing in the others' results, and every format keeps the
databases apart (SARIF validated against the schema subset in tests/schemas).
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from dbutil import (
    apply_sql_mysql,
    apply_sql_pg,
    connect_pg,
    database_of,
    temp_mysql_database,
    temp_pg_database,
)

from jobschema import api

REPO = Path(__file__).resolve().parents[2]
SCHEMA = str(REPO / "schema")
SARIF = json.loads((REPO / "tests" / "schemas" / "sarif-2.1.0-subset.json").read_text(encoding="utf-8"))
DEAD = "postgresql://postgres@127.0.0.1:1/nowhere"  # nothing listens on port 1: refused at once
COPIES = 5
DRIFT = "DROP INDEX batch_jobs_status_idx"


@pytest.fixture(scope="module")
def fleet(pg_server, mysql_server):
    """(PostgreSQL DSNs, the drifted one, the MariaDB DSN): ``batch`` applied once, then copied."""
    project = api.load(SCHEMA)
    with contextlib.ExitStack() as stack:
        base = stack.enter_context(temp_pg_database(pg_server.dsn, pg_server.template))
        for text in sorted(api.render_project(project, "batch", "postgres").files.items()):
            apply_sql_pg(base, text[1])
        dsns = [stack.enter_context(temp_pg_database(pg_server.dsn, database_of(base))) for _ in range(COPIES)]
        apply_sql_pg(dsns[2], DRIFT)
        my = stack.enter_context(temp_mysql_database(mysql_server.dsn))
        for text in sorted(api.render_project(project, "batch", "mysql").files.items()):
            apply_sql_mysql(my, text[1])
        yield dsns, dsns[2], my


class SessionWatch:
    """Polls ``pg_stat_activity`` for sessions on ``databases`` and remembers the most seen at once."""

    def __init__(self, admin_dsn: str, databases: list[str]):
        self.most = 0
        self._stop = threading.Event()
        self._conn = connect_pg(admin_dsn)
        self._databases = databases
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def _poll(self) -> None:
        while not self._stop.is_set():
            # a session the client has closed stays listed, idle, until its backend has exited: counting
            # only sessions at work keeps a finished audit's leftover from being charged to the next one
            (n,) = self._conn.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = ANY(%s) "
                                      "AND state IS DISTINCT FROM 'idle'", (self._databases,)).fetchone()
            self.most = max(self.most, n)
            self._stop.wait(0.002)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *_):
        self._stop.set()
        self._thread.join()
        self._conn.close()


def by_database(result) -> dict[str, dict]:
    return {e.target: e.to_dict() for e in result.entries if e.result is not None}


def test_at_most_jobs_sessions_and_a_dead_database_changes_nothing(fleet, pg_server):
    dsns, drifted, my = fleet
    alone = api.audit_fleet([*dsns, my], SCHEMA, jobs=3)
    with SessionWatch(pg_server.dsn, [database_of(d) for d in dsns]) as watch:
        mixed = api.audit_fleet([DEAD, *dsns, my, DEAD], SCHEMA, jobs=2)
    assert 1 <= mixed.most_open <= 2 and 1 <= watch.most <= 2, (mixed.most_open, watch.most)
    assert 1 <= alone.most_open <= 3
    assert [e.target for e in mixed.entries][1:-1] == [e.target for e in alone.entries]  # the order given
    dead = [e for e in mixed.entries if e.result is None]
    assert len(dead) == 2 and all("connection refused" in e.error for e in dead)
    assert by_database(mixed) == by_database(alone)  # the dead ones did not touch the others' results
    codes = {e.target: int(e.exit_code) for e in alone.entries}
    drifted_target = next(e.target for e in alone.entries if database_of(drifted) in e.target)
    assert codes.pop(drifted_target) == 1 and set(codes.values()) == {0}
    assert int(alone.exit_code) == 1 and int(mixed.exit_code) == 2  # the worst of them
    finding = by_database(alone)[drifted_target]["findings"]
    assert [(f["code"], f["path"]) for f in finding] == [("JS320", "batch.batch_jobs.batch_jobs_status_idx")]


def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "jobschema", "audit", "--schema", SCHEMA, *args], cwd=REPO,
                          capture_output=True, text=True, timeout=300, env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def dsn_file(fleet, tmp_path_factory):
    """The fleet as a DSN file: comments, a blank line, a password taken from the environment, a dead DSN."""
    dsns, _, my = fleet
    with_password = dsns[0].replace("postgres@", "postgres:${FLEET_TEST_PASSWORD}@", 1)  # trust: not checked
    path = tmp_path_factory.mktemp("fleet") / "databases.txt"
    path.write_text("\n".join(["# tenants", with_password, *dsns[1:], "", "# the MariaDB one", my, DEAD]) + "\n",
                    encoding="utf-8")
    return path, [*dsns, my, DEAD]


SECRET = "fleet-s3cret-value"


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "github", "text"])
def test_every_format_keeps_the_databases_apart(dsn_file, fmt):
    path, dsns = dsn_file
    out = cli("--dsn-file", str(path), "--jobs", "3", "--format", fmt, env={"FLEET_TEST_PASSWORD": SECRET})
    assert out.returncode == 2, out.stderr  # the dead database is the worst
    assert "Traceback" not in out.stderr and SECRET not in out.stdout + out.stderr
    errors = [line for line in out.stderr.splitlines() if line.startswith("jobschema: ")]
    assert len(errors) == 1 and "connection refused" in errors[0] and "nowhere" in errors[0]
    names = [database_of(d) for d in dsns]
    if fmt == "json":
        lines = [json.loads(line) for line in out.stdout.splitlines()]
        assert [database_of(x["database"]) for x in lines] == names
        assert lines[0]["database"].startswith("postgresql://postgres:***@")
        assert [x["exit"] for x in lines] == [0, 0, 1, 0, 0, 0, 2]
        assert lines[-1]["error"] and all(x["error"] is None for x in lines[:-1])
        assert lines[5]["dialect"] == "mysql" and lines[5]["findings"] == []
    elif fmt == "sarif":
        doc = json.loads(out.stdout)
        jsonschema.validate(doc, SARIF)
        assert [r["properties"]["database"].rsplit("/", 1)[1] for r in doc["runs"]] == names
        assert [len(r["results"]) for r in doc["runs"]] == [0, 0, 1, 0, 0, 0, 0]
        assert doc["runs"][-1]["properties"]["exit"] == 2 and "error" in doc["runs"][-1]["properties"]
    elif fmt == "junit":
        root = ET.fromstring(out.stdout)
        suites = root.findall("testsuite")
        assert [s.get("name").rsplit("/", 1)[1] for s in suites] == names
        assert [(s.get("failures"), s.get("errors")) for s in suites] == \
            [("0", "0")] * 2 + [("1", "0")] + [("0", "0")] * 3 + [("0", "1")]
        assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("7", "1", "1")
    elif fmt == "github":
        lines = out.stdout.splitlines()
        assert len(lines) == 2 and all(line.startswith("::") for line in lines)
        assert lines[0].startswith("::warning file=schema/batch/tables/batch_jobs.yaml,")
        assert f"/{names[2]}] index batch_jobs_status_idx" in lines[0]
        assert lines[1].startswith("::error ") and "nowhere] cannot connect" in lines[1]
    else:
        for name in names:
            assert f"/{name}\n" in out.stdout
        assert "7 database(s): 5 in sync, 1 with drift, 1 not audited (3 at a time)" in out.stdout


def test_write_migration_is_refused_for_several_databases(fleet, tmp_path):
    dsns, _, _ = fleet
    out = cli("--dsn", dsns[0], "--dsn", dsns[1], "--write-migration", "--dir", str(tmp_path / "m"))
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        "jobschema: --write-migration fixes one database: it is refused with several DSNs (audit each database "
        "on its own to write its fix)"]
    assert not (tmp_path / "m").exists()
