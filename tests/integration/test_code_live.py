"""The seed-001 story end to end on real PostgreSQL and MariaDB, through ``jobschema code --dsn``.

The database's CHECK (ENUM on MariaDB) allows pending/running; the code writes 'queued'. With a schema
that agrees with the database the code disagrees with both (JS401 and JS402); with the schema fixed
(legacy_values) only the database rejects the value (JS402): the incident, caught before deploy. The
fix migration is written by ``audit --write-migration`` and applied by ``migrate``; then the code is clean.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobschema import api
from jobschema.cli import main

CASE = Path(__file__).resolve().parents[1] / "cases" / "code" / "seed001"
ROWS = "INSERT INTO batch_jobs (id, name, status) VALUES (1, 'a', 'pending'), (2, 'b', 'running'), (3, 'c', 'failed')"


def cli(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(main, list(args))
    return res.exit_code, res.output


def code(dsn: str, schema: str) -> tuple[int, list[dict]]:
    status, out = cli("code", "app", "--schema", schema, "--dsn", dsn, "--format", "json")
    assert status in (0, 1), out
    return status, json.loads(out)["findings"]


def literal_sites(path: str, *values: str) -> set[str]:
    """Where each quoted ``value`` stands in ``path`` (1-based line:col of its opening quote)."""
    out = set()
    for n, line in enumerate((CASE / path).read_text(encoding="utf-8").splitlines(), start=1):
        for v in values:
            start = line.find(f"'{v}'")
            while start >= 0:
                out.add(f"{path}:{n}:{start + 1} {v}")
                start = line.find(f"'{v}'", start + 1)
    return out


def at(findings: list[dict], code_: str) -> set[str]:
    return {f"{f['location']['file']}:{f['location']['line']}:{f['location']['col']} {f['actual']}"
            for f in findings if f["code"] == code_}


@pytest.mark.parametrize("server", ["pg_dsn", "mysql_dsn"])
def test_seed_001_code_against_schema_and_database(server, request, tmp_path, monkeypatch):
    from dbutil import apply_sql_mysql, apply_sql_pg

    dsn = request.getfixturevalue(server)
    dialect = "postgres" if server == "pg_dsn" else "mysql"
    apply = apply_sql_pg if dialect == "postgres" else apply_sql_mysql
    files = api.render_project(api.load(str(CASE / "before")), "batch", dialect).files
    for path in sorted(files):
        apply(dsn, files[path])
    apply(dsn, ROWS)
    monkeypatch.chdir(CASE)

    # the schema says what the database says: the code disagrees with both, at the literal's line:col
    status, found = code(dsn, "before")
    assert status == 1
    wrong = literal_sites("app/batch-job-service.ts", "queued") | literal_sites("app/worker.py", "queued", "processing")
    assert len(wrong) == 4
    assert at(found, "JS401") == wrong
    assert at(found, "JS402") == wrong
    assert {f["code"] for f in found if f["severity"] != "info"} == {"JS401", "JS402", "JS403", "JS404"}

    # the schema fixed: only the live database rejects the values, before anything is deployed
    status, found = code(dsn, "after")
    assert status == 1
    assert at(found, "JS401") == set()
    assert at(found, "JS402") == wrong
    js402 = next(f for f in found if f["code"] == "JS402")
    assert js402["related"] == [{"file": "after/batch/tables/batch_jobs.yaml", "line": 7, "col": 5}]
    assert {f["code"] for f in found if f["severity"] != "info"} == {"JS402", "JS404"}

    folder = tmp_path / "migrations"
    status, out = cli("audit", "--dsn", dsn, "--schema", "after", "--module", "batch", "--write-migration",
                      "--dir", str(folder))
    assert status == 1 and "wrote" in out, out
    status, out = cli("migrate", "--dsn", dsn, "--dir", str(folder), "--module", "batch")  # a flat folder: name it
    assert status == 0, out

    status, found = code(dsn, "after")
    assert status == 0, found
    assert [f["code"] for f in found] == ["JS411"]  # job.status: counted, not guessed
    assert cli("audit", "--dsn", dsn, "--schema", "after", "--module", "batch")[0] == 0
