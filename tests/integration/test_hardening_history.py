"""The migration history, keyed the same way by every command, and never handed another module's files.

A folder not laid out as ``<module>/<dialect>/`` used to be recorded under its own name by ``migrate`` while
``audit --write-migration`` looked under the module's: one said "run migrate first", the other "up to date".
``migrate`` without ``--module`` used to run every module's folder on whatever database it was given.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from dbutil import engine_db, table_names

from jobschema.cli import main
from jobschema.migrate.directory import MigrationDir

ENGINES = ["postgres", "mysql"]


def _history(conn) -> list[tuple[str, str]]:
    with conn.cursor() as cur:
        cur.execute("SELECT module, version FROM jobschema_migrations ORDER BY module, version")
        return [tuple(r) for r in cur.fetchall()]


def _schema(root: Path, columns: str) -> str:
    tables = root / "m" / "tables"
    tables.mkdir(parents=True, exist_ok=True)
    (root / "m" / "module.yaml").write_text("module: m\n")
    (tables / "jobs.yaml").write_text(f"table: jobs\ncolumns:\n{columns}primary_key: [id]\n")
    return str(root)


def run(*args: str):
    res = CliRunner().invoke(main, list(args))
    return res.exit_code, res.stdout + res.stderr


@pytest.mark.parametrize("engine", ENGINES)
def test_a_fix_folder_of_any_name_is_recorded_under_its_module(engine, request, tmp_path):
    dsn, conn = engine_db(request, engine)
    schema = _schema(tmp_path / "schema", "  - {name: id, type: integer}\n")
    fixes = tmp_path / "fixes"  # not migrations/<module>/<dialect>
    code, out = run("audit", "--dsn", dsn, "--schema", schema, "--module", "m", "--write-migration", "--dir",
                    str(fixes))
    assert code == 1 and "wrote" in out, out
    # the folder's name says nothing about the module: migrate asks instead of inventing a key
    code, out = run("migrate", "--dsn", dsn, "--dir", str(fixes))
    assert code == 2 and "pass --module NAME" in out and out.count("\n") == 1, out
    assert "jobschema_migrations" not in table_names(conn, engine)
    code, out = run("migrate", "--dsn", dsn, "--dir", str(fixes), "--module", "m")
    assert code == 0 and "1 file(s) applied" in out, out
    assert _history(conn) == [("m", "0001")]
    code, out = run("migrate", "status", "--dsn", dsn, "--dir", str(fixes), "--module", "m")
    assert code == 0 and "0 pending" in out, out
    # the schema grows: the audit sees 0001 as applied (same key) and writes the next file
    _schema(tmp_path / "schema", "  - {name: id, type: integer}\n  - {name: note, type: text, nullable: true}\n")
    code, out = run("audit", "--dsn", dsn, "--schema", schema, "--module", "m", "--write-migration", "--dir",
                    str(fixes))
    assert code == 1 and "0002_" in out, out
    code, out = run("migrate", "--dsn", dsn, "--dir", str(fixes), "--module", "m")
    assert code == 0 and "1 file(s) applied" in out, out
    assert _history(conn) == [("m", "0001"), ("m", "0002")]
    code, out = run("audit", "--dsn", dsn, "--schema", schema, "--module", "m")
    assert code == 0, out


@pytest.mark.parametrize("engine", ENGINES)
def test_a_laid_out_folder_cannot_be_recorded_as_another_module(engine, request, tmp_path):
    dsn, conn = engine_db(request, engine)
    folder = tmp_path / "batch" / engine
    folder.mkdir(parents=True)
    (folder / "0001_t.sql").write_text("CREATE TABLE t (id int);\n")
    MigrationDir(str(folder)).rehash()
    code, out = run("migrate", "--dsn", dsn, "--dir", str(folder), "--module", "deletion")
    assert code == 2 and "folder of module batch" in out, out
    assert not table_names(conn, engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_migrate_without_module_runs_only_what_the_database_holds(engine, request, tmp_path, monkeypatch):
    dsn, conn = engine_db(request, engine)
    monkeypatch.chdir(tmp_path)
    for module in ("alpha", "beta"):
        folder = tmp_path / "migrations" / module / engine
        folder.mkdir(parents=True)
        (folder / f"0001_{module}.sql").write_text(f"CREATE TABLE {module}_jobs (id int);\n")
        MigrationDir(str(folder)).rehash()
    # a database with no history: which module it is for cannot be told, so nothing runs
    for sub in ([], ["status"]):
        code, out = run("migrate", *sub, "--dsn", dsn)
        assert code == 2 and "alpha, beta" in out and "--module" in out and out.count("\n") == 1, out
    assert not table_names(conn, engine)
    code, out = run("migrate", "--dsn", dsn, "--module", "alpha")
    assert code == 0, out
    code, out = run("migrate", "--dsn", dsn)
    assert code == 0 and "up to date" in out and "left out: the folders of beta" in out, out
    assert "beta_jobs" not in table_names(conn, engine) and _history(conn) == [("alpha", "0001")]
    code, out = run("migrate", "status", "--dsn", dsn)
    assert code == 0 and "0001_alpha.sql" in out and "0001_beta.sql" not in out and "left out" in out, out
