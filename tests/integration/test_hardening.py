"""What a new user broke by feeding jobschema bad input: each test fails on the behaviour it guards against."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from jobschema import connect
from jobschema.cli import main

SECRET = "S3cr3t"

COMMANDS = [
    ["audit"],
    ["plan"],
    ["migrate"],
    ["migrate", "status"],
    ["inspect", "--module", "m", "--out", "{tmp}"],
]

MALFORMED = [
    f"postgresql://app:{SECRET}@[db.internal/x",      # missing ]
    f"postgres://app:{SECRET}@db.internal]:5432/x",
    f"mysql://app:{SECRET}@[db.internal/x",
    f"mariadb://app:{SECRET}@db.internal:99999/x",    # port out of range
    f"mysql://app:{SECRET.replace('3', '%33')}@[db.internal/x",  # percent-encoded password
]


@pytest.mark.parametrize("dsn", MALFORMED)
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_malformed_dsn_never_echoes_the_password(command, dsn, tmp_path, monkeypatch):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setattr(connect, "_SECRETS", set())  # each case on its own: no password seen by an earlier one
    args = [a.replace("{tmp}", str(tmp_path / "out")) for a in command] + ["--dsn", dsn]
    result = CliRunner().invoke(main, args)
    output = result.stdout + result.stderr
    assert result.exit_code == 2, output
    assert SECRET not in output and "%33" not in output
    assert "Traceback" not in output and output.strip().count("\n") == 0, output


def _tables(conn, engine: str) -> set[str]:
    with conn.cursor() as cur:
        if engine == "postgres":
            cur.execute("SELECT table_name FROM information_schema.tables WHERE table_schema NOT IN "
                        "('pg_catalog', 'information_schema')")
        else:
            cur.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")
        return {r[0] for r in cur.fetchall()}


@pytest.mark.parametrize("engine", ["postgres", "mysql"])
@pytest.mark.parametrize("args", [["--module", "nosuch"], ["--dir", "/nonexistent/migrations"]],
                         ids=["module", "dir"])
@pytest.mark.parametrize("sub", [[], ["status"]], ids=["run", "status"])
def test_migrate_typo_exits_2_and_creates_nothing(engine, args, sub, request):
    conn = request.getfixturevalue(f"{'pg' if engine == 'postgres' else 'mysql'}_conn")
    dsn = request.getfixturevalue(f"{'pg' if engine == 'postgres' else 'mysql'}_dsn")
    result = CliRunner().invoke(main, ["migrate", *sub, "--dsn", dsn, *args])
    output = result.stdout + result.stderr
    assert result.exit_code == 2, output
    assert output.count("\n") == 1 and "Traceback" not in output and args[1] in output, output
    assert "jobschema_migrations" not in _tables(conn, engine)


def _migrate_one_file(tmp_path, dsn: str) -> None:
    """A real ``migrate`` run, so the database holds jobschema's history table beside the user's."""
    folder = tmp_path / "mig"
    folder.mkdir()
    (folder / "0001_jobs.sql").write_text("CREATE TABLE jobs (id integer PRIMARY KEY);\n")
    runner = CliRunner()
    assert runner.invoke(main, ["migrate", "hash", "--dir", str(folder)]).exit_code == 0
    res = runner.invoke(main, ["migrate", "--dsn", dsn, "--dir", str(folder), "--module", "m"])
    assert res.exit_code == 0, res.output


@pytest.mark.parametrize("engine", ["postgres", "mysql"])
def test_inspect_leaves_the_history_table_out(engine, request, tmp_path):
    conn = request.getfixturevalue(f"{'pg' if engine == 'postgres' else 'mysql'}_conn")
    dsn = request.getfixturevalue(f"{'pg' if engine == 'postgres' else 'mysql'}_dsn")
    _migrate_one_file(tmp_path, dsn)
    assert {"jobs", "jobschema_migrations"} <= _tables(conn, engine)
    out = tmp_path / "schema"
    res = CliRunner().invoke(main, ["inspect", "--dsn", dsn, "--module", "m", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in (out / "m" / "tables").iterdir()) == ["jobs.yaml"]
    assert "jobschema_migrations" in res.stderr  # said, not silently dropped


@pytest.mark.parametrize("dialect", ["postgres", "mysql"])
def test_import_leaves_the_history_table_out(dialect, tmp_path):
    src = tmp_path / "dump.sql"
    src.write_text("CREATE TABLE jobs (id integer PRIMARY KEY);\n"
                   "CREATE TABLE jobschema_migrations (module varchar(200) NOT NULL, version varchar(200) NOT NULL, "
                   "PRIMARY KEY (module, version));\n")
    out = tmp_path / "schema"
    res = CliRunner().invoke(main, ["import", str(src), "--dialect", dialect, "--module", "m", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in (out / "m" / "tables").iterdir()) == ["jobs.yaml"]
    assert "jobschema_migrations" in res.stderr


def test_check_on_unknown_column_is_a_located_error(tmp_path):
    tables = tmp_path / "schema" / "m" / "tables"
    tables.mkdir(parents=True)
    (tables.parent / "module.yaml").write_text("module: m\n")
    (tables / "jobs.yaml").write_text("table: jobs\ncolumns:\n  - {name: total, type: integer}\n"
                                      "checks:\n  - {name: jobs_total_nonneg, expression: totl >= 0 AND total < 9}\n")
    schema = str(tmp_path / "schema")
    for command in (["generate", "--schema", schema, "--out", str(tmp_path / "gen")], ["lint", schema]):
        res = CliRunner().invoke(main, command)
        assert res.exit_code == 2, res.output
        assert "m/tables/jobs.yaml:5:" in res.stderr and "unknown column 'totl'" in res.stderr, res.stderr
        assert "Traceback" not in res.output
    assert not (tmp_path / "gen").exists()


def _modes(root) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_mode & 0o777 for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("umask", [0o022, 0o027], ids=["022", "027"])
def test_written_files_honour_the_umask(umask, tmp_path, pg_conn, pg_dsn):
    src = tmp_path / "dump.sql"
    src.write_text("CREATE TABLE jobs (id integer PRIMARY KEY);\n")
    pg_conn.execute("CREATE TABLE jobs (id integer PRIMARY KEY)")
    schema = "schema"  # the shipped modules
    commands = {
        "gen": ["generate", "--schema", schema, "--module", "batch", "--out", str(tmp_path / "gen")],
        "docs": ["docs", "--schema", schema, "--module", "batch", "--out", str(tmp_path / "docs")],
        "imp": ["import", str(src), "--dialect", "postgres", "--module", "m", "--out", str(tmp_path / "imp")],
        "insp": ["inspect", "--dsn", pg_dsn, "--module", "m", "--out", str(tmp_path / "insp")],
    }
    old = os.umask(umask)
    try:
        for out, command in commands.items():
            res = CliRunner().invoke(main, command)
            assert res.exit_code == 0, res.output
            modes = _modes(tmp_path / out)
            assert modes and set(modes.values()) == {0o666 & ~umask}, (out, modes)
    finally:
        os.umask(old)


HOSTILE = "evil\x1b[31mred\nforged: in sync\u202e"


@pytest.mark.parametrize("engine", ["postgres", "mysql"])
@pytest.mark.parametrize("fmt", ["default", "text"])
def test_control_characters_in_identifiers_are_escaped_in_text_output(engine, fmt, request, tmp_path):
    conn = request.getfixturevalue(f"{'pg' if engine == 'postgres' else 'mysql'}_conn")
    dsn = request.getfixturevalue(f"{'pg' if engine == 'postgres' else 'mysql'}_dsn")
    q = '"' if engine == "postgres" else "`"
    with conn.cursor() as cur:
        cur.execute(f"CREATE TABLE {q}{HOSTILE}{q} (id integer PRIMARY KEY)")
    args = ["audit", "--dsn", dsn, "--module", "batch"]
    if fmt == "text":
        args += ["--format", "text", "-o", str(tmp_path / "audit.txt")]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 1, res.output
    text = (tmp_path / "audit.txt").read_text() if fmt == "text" else res.stdout
    assert "evil\\x1b[31mred\\nforged: in sync\\u202e" in text, text
    assert "\x1b" not in text and "\u202e" not in text
    assert not any(line.startswith("forged") for line in text.splitlines())
