"""What a new user broke by feeding jobschema bad input: each test fails on the behaviour it guards against."""

from __future__ import annotations

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

