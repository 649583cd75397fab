"""docs/getting-started.md, run as written: its shell blocks from step 2 on, in a copy of the repository as a
clone has it (shipped migrations included), against a fresh database; the outputs it shows must be what the
commands print (timestamps and timings aside).

Step 1 (clone and install) is what this checkout already is; the only substitutions are the database name and,
when the test server is not the documented ``postgres@127.0.0.1:5432``, its address.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from dbutil import in_ci, unique_database_name

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "getting-started.md"
DOC_SERVER = "postgresql://postgres@127.0.0.1:5432"
DOC_OPTS = "-h 127.0.0.1 -U postgres"
CLONE_DIRS = ("schema", "generated", "migrations")  # what the commands read or could write


def blocks() -> list[tuple[str, str]]:
    """(language, text) of every fenced block after the install step."""
    text = DOC.read_text(encoding="utf-8")
    text = text[text.index("## 2."):]
    return re.findall(r"```(\w*)\n(.*?)```", text, re.S)


def normalise(text: str) -> str:
    text = re.sub(r"\(\d+ ms([,)])", r"(N ms\1", text)
    text = re.sub(r" {2,}", "  ", text)  # table columns: their width follows a run's timings
    return "\n".join(line.rstrip() for line in text.splitlines())


def test_getting_started_works_as_written(pg_server, tmp_path):
    if not all(shutil.which(t) for t in ("psql", "createdb", "dropdb")):
        if in_ci():
            pytest.fail("the PostgreSQL client tools are needed to follow docs/getting-started.md")
        pytest.skip("psql/createdb/dropdb not installed")
    server = urlsplit(pg_server.dsn)
    base = f"postgresql://{server.username or 'postgres'}@{server.hostname}:{server.port or 5432}"
    opts = f"-h {server.hostname} -p {server.port or 5432} -U {server.username or 'postgres'}"
    db = unique_database_name()
    clone = tmp_path / "jobschema"
    clone.mkdir()
    for name in CLONE_DIRS:
        shutil.copytree(REPO / name, clone / name)
    shutil.copy(REPO / "pyproject.toml", clone / "pyproject.toml")
    shipped = snapshot(clone)

    def sub(text: str) -> str:
        return text.replace(DOC_SERVER, base).replace(DOC_OPTS, opts).replace("jobs_demo", db)

    shell = [sub(t) for lang, t in blocks() if lang == "sh"]
    assert len(shell) >= 8, "getting-started lost its steps"
    script = "\n".join(f"echo '=== block {i}'\n{t}" for i, t in enumerate(shell))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PG", "JOBSCHEMA_"))}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["NO_COLOR"] = "1"
    try:
        res = subprocess.run(["bash", "-c", script], cwd=clone, env=env, capture_output=True, text=True,
                             timeout=300)
    finally:
        subprocess.run(["dropdb", "--if-exists", *opts.split(), db], env=env, capture_output=True)
    out = normalise(res.stdout + res.stderr)
    assert "Traceback" not in out, out
    assert out.count("exit code: 1") == 1 and out.count("exit code: 0") == 1, out
    # every output the page shows, line by line, except timestamps
    for lang, shown in blocks():
        if lang == "sh":
            continue
        for line in normalise(sub(shown)).splitlines():
            if not line.strip() or "<when>" in line:
                continue
            assert line in out, f"docs/getting-started.md shows {line!r}, the commands printed:\n{out}"
    assert not (tmp_path / "jobs-demo").exists()  # step 8 cleaned up
    assert snapshot(clone) == shipped  # the walkthrough left the repository's files as they were


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
