"""docs/getting-started.md and the MariaDB walkthrough of docs/mysql.md, run as written: their shell blocks after
the install step, in a copy of the repository as a clone has it (shipped migrations included), against a fresh
database; the outputs they show must be what the commands print (timestamps and timings aside).

Step 1 (clone and install) is what this checkout already is; the only substitutions are the database name and,
when the test server is not the documented one, its address.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from dbutil import in_ci, unique_database_name

REPO = Path(__file__).resolve().parents[2]
CLONE_DIRS = ("schema", "generated", "migrations")  # what the commands read or could write


def blocks(doc: str, start: str, end: str | None = None) -> list[tuple[str, str]]:
    """(language, text) of every fenced block of ``doc`` from the heading ``start`` to ``end``."""
    text = (REPO / "docs" / doc).read_text(encoding="utf-8")
    text = text[text.index(start):]
    if end is not None:
        text = text[:text.index(end)]
    return re.findall(r"```(\w*)\n(.*?)```", text, re.S)


def normalise(text: str) -> str:
    text = re.sub(r"\(\d+ ms([,)])", r"(N ms\1", text)
    text = re.sub(r" {2,}", "  ", text)  # table columns: their width follows a run's timings
    return "\n".join(line.rstrip() for line in text.splitlines())


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def need(*tools: str) -> None:
    if not all(shutil.which(t) for t in tools):
        if in_ci():
            pytest.fail(f"{', '.join(tools)} are needed to follow the walkthrough")
        pytest.skip(f"{', '.join(tools)} not installed")


def run_walkthrough(tmp_path: Path, found: list[tuple[str, str]], sub, env: dict, drop: list[str],
                    sub_shown=None) -> None:
    """Run the shell blocks of ``found`` in a copy of the repository; check every output line they show."""
    sub_shown = sub_shown or sub
    clone = tmp_path / "jobschema"
    clone.mkdir()
    for name in CLONE_DIRS:
        shutil.copytree(REPO / name, clone / name)
    shutil.copy(REPO / "pyproject.toml", clone / "pyproject.toml")
    shipped = snapshot(clone)
    shell = [sub(t) for lang, t in found if lang == "sh"]
    script = "\n".join(f"echo '=== block {i}'\n{t}" for i, t in enumerate(shell))
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("PG", "JOBSCHEMA_", "MYSQL"))}, **env}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["NO_COLOR"] = "1"
    try:
        res = subprocess.run(["bash", "-c", script], cwd=clone, env=env, capture_output=True, text=True,
                             timeout=300)
    finally:
        subprocess.run(drop, env=env, capture_output=True)
    out = normalise(res.stdout + res.stderr)
    assert "Traceback" not in out, out
    assert out.count("exit code: 1") == 1 and out.count("exit code: 0") == 1, out
    for lang, shown in found:  # every output the page shows, line by line, except timestamps
        if lang == "sh":
            continue
        for line in normalise(sub_shown(shown)).splitlines():
            if not line.strip() or "<when>" in line:
                continue
            assert line in out, f"the walkthrough shows {line!r}, the commands printed:\n{out}"
    assert not (tmp_path / "jobs-demo").exists()  # the last step cleaned up
    assert snapshot(clone) == shipped  # the walkthrough left the repository's files as they were


def test_getting_started_works_as_written(pg_server, tmp_path):
    need("psql", "createdb", "dropdb")
    server = urlsplit(pg_server.dsn)
    base = f"postgresql://{server.username or 'postgres'}@{server.hostname}:{server.port or 5432}"
    opts = f"-h {server.hostname} -p {server.port or 5432} -U {server.username or 'postgres'}"
    db = unique_database_name()

    def sub(text: str) -> str:
        return (text.replace("postgresql://postgres@127.0.0.1:5432", base)
                .replace("-h 127.0.0.1 -U postgres", opts).replace("jobs_demo", db))

    found = blocks("getting-started.md", "## 2.")
    assert len([b for b in found if b[0] == "sh"]) >= 8, "getting-started lost its steps"
    run_walkthrough(tmp_path, found, sub, {}, ["dropdb", "--if-exists", *opts.split(), db])


def test_mariadb_walkthrough_works_as_written(mysql_server, tmp_path):
    need("mysql")
    server = urlsplit(mysql_server.dsn)
    user = unquote(server.username or "root")
    base = f"{server.hostname}:{server.port or 3306}"
    opts = f"-h {server.hostname} -P {server.port or 3306} -u {user}"
    env = {"MYSQL_PWD": unquote(server.password)} if server.password else {}
    db = unique_database_name()

    def subber(password: str | None):
        auth = f"{user}:{password}" if password else user
        return lambda text: (text.replace("mysql://root@127.0.0.1:3306", f"mysql://{auth}@{base}")
                             .replace("-h 127.0.0.1 -u root", opts).replace("jobs_demo", db))

    found = blocks("mysql.md", "## Getting started on MariaDB", "## How the audit reads the server")
    assert len([b for b in found if b[0] == "sh"]) >= 6, "the MariaDB walkthrough lost its steps"
    run_walkthrough(tmp_path, found, subber(server.password), env,
                    ["mysql", *opts.split(), "-e", f"DROP DATABASE IF EXISTS {db}"],
                    subber("***" if server.password else None))  # what jobschema prints for a password
