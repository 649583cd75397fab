"""Audit drift cases as data: one parametrised test runs every ``tests/cases/audit/<case>/`` through
``api.audit`` on each engine the case has live SQL for, and demands exactly the findings it lists.

A case folder holds:

- ``findings.json``: ``about`` (what the case shows), ``module`` (the module audited) and, per dialect, the exit
  code and the exact findings as ``[code, object path, severity]``, sorted;
- ``desired/`` (optional): the schema directory the case is audited against; without it, the shipped
  ``schema/``;
- ``live.<dialect>.sql``: what was done to a database built from the desired module's generated DDL, i.e. the
  drift. A dialect without this file is not run.

Adding a case needs no Python.
"""

from __future__ import annotations

import contextlib
import functools
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from dbutil import apply_sql_mysql, apply_sql_pg, database_of, temp_mysql_database, temp_pg_database

from jobschema import api

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "cases" / "audit"
APPLY = {"postgres": apply_sql_pg, "mysql": apply_sql_mysql}


def _case_dialects(folder: Path) -> list[str]:
    return sorted(p.name.split(".")[1] for p in folder.glob("live.*.sql"))


def _cases():
    for folder in sorted(p for p in CASES.iterdir() if p.is_dir()):
        for dialect in _case_dialects(folder):
            yield pytest.param(folder, dialect, id=f"{folder.name}-{dialect}")


@functools.cache
def generated_ddl(schema_dir: Path, module: str, dialect: str) -> tuple[str, ...]:
    """The desired module's generated DDL files, in order (rendered once per module and dialect)."""
    files = api.render_project(api.load(str(schema_dir)), module=module, dialect=dialect).files
    return tuple(files[p] for p in sorted(files) if p.startswith(f"{module}/{dialect}/"))


def build(dsn: str, dialect: str, schema_dir: Path, module: str) -> None:
    """Apply the desired module's generated DDL to the empty database at ``dsn``."""
    for text in generated_ddl(schema_dir, module, dialect):
        APPLY[dialect](dsn, text)


@pytest.fixture(scope="session")
def built_module(pg_server, mysql_server):
    """``built_module(dialect, schema_dir, module)``: a context manager yielding the DSN of a fresh database that
    holds the module's generated DDL, dropped afterwards. PostgreSQL clones a database built once per module
    (``CREATE DATABASE ... TEMPLATE``); MySQL, which cannot clone one, builds it each time."""
    templates: dict[tuple[Path, str], str] = {}
    with contextlib.ExitStack() as session:
        @contextlib.contextmanager
        def fresh(dialect: str, schema_dir: Path, module: str) -> Iterator[str]:
            if dialect == "postgres":
                if (schema_dir, module) not in templates:
                    dsn = session.enter_context(temp_pg_database(pg_server.dsn, pg_server.template))
                    build(dsn, dialect, schema_dir, module)
                    templates[schema_dir, module] = database_of(dsn)
                with temp_pg_database(pg_server.dsn, templates[schema_dir, module]) as dsn:
                    yield dsn
            else:
                with temp_mysql_database(mysql_server.dsn) as dsn:
                    build(dsn, dialect, schema_dir, module)
                    yield dsn

        yield fresh


@pytest.mark.parametrize(("folder", "dialect"), list(_cases()))
def test_audit_case(built_module, folder, dialect):
    spec = json.loads((folder / "findings.json").read_text(encoding="utf-8"))
    schema_dir = folder / "desired" if (folder / "desired").is_dir() else ROOT / "schema"
    with built_module(dialect, schema_dir, spec["module"]) as dsn:
        APPLY[dialect](dsn, (folder / f"live.{dialect}.sql").read_text(encoding="utf-8"))
        result = api.audit(dsn, str(schema_dir), module=spec["module"])
    got = sorted([f.code, f.path, f.severity.value] for f in result.findings)
    assert got == spec[dialect]["findings"], [f.message for f in result.findings]
    assert result.exit_code == spec[dialect]["exit"]


def test_every_case_is_complete():
    """Each case says what it shows, and has expected findings for exactly the dialects it has live SQL for."""
    folders = sorted(p for p in CASES.iterdir() if p.is_dir())
    assert folders
    for folder in folders:
        spec = json.loads((folder / "findings.json").read_text(encoding="utf-8"))
        dialects = _case_dialects(folder)
        assert dialects, folder.name
        assert set(spec) == {"about", "module", *dialects}, folder.name
        for dialect in dialects:
            assert set(spec[dialect]) == {"exit", "findings"}, (folder.name, dialect)
            assert spec[dialect]["findings"] == sorted(spec[dialect]["findings"]), (folder.name, dialect)
