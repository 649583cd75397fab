"""jobschema deletes and replaces only files it wrote: ``generate --out migrations`` used to remove the user's
fix migrations and ``docs --out schema`` their ``NOTES.md``; ``import``/``inspect --force`` removed any table
file the new run did not write."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobschema.cli import main

REPO = Path(__file__).resolve().parents[2]
ENGINES = ["postgres", "mysql"]


def run(*args: str):
    res = CliRunner().invoke(main, list(args))
    return res.exit_code, res.stdout + res.stderr


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_generate_and_docs_refuse_a_folder_of_user_files(tmp_path):
    schema = tmp_path / "schema"
    shutil.copytree(REPO / "schema", schema)
    (schema / "batch" / "NOTES.md").write_text("why batch_jobs has no updated_at\n")
    mig = tmp_path / "migrations" / "batch" / "postgres"
    mig.mkdir(parents=True)
    (mig / "0001_fix_status.sql").write_text("UPDATE batch_jobs SET status = 'queued';\n")
    (mig / "jobschema.sum").write_text("h1:x\n")
    cases = [(["generate", "--schema", str(schema), "--module", "batch", "--out", str(tmp_path / "migrations")],
              tmp_path / "migrations", "batch/postgres/0001_fix_status.sql"),
             (["docs", "--schema", str(schema), "--module", "batch", "--out", str(schema)], schema,
              "batch/NOTES.md")]
    for args, out, named in cases:
        before = snapshot(out)
        code, text = run(*args)
        assert code == 2 and "holds files jobschema did not write" in text and named in text, text
        assert text.count("\n") == 1 and snapshot(out) == before  # nothing written, nothing removed
        code, text = run(*args, "--force")
        assert code == 0, text
        after = snapshot(out)
        assert {k: v for k, v in after.items() if k in before} == before  # the user's files untouched
        assert len(after) > len(before)
        code, text = run(*args, "--force")  # a second run: its own files are the same, nothing removed
        assert code == 0 and snapshot(out) == after, text


def test_generate_removes_only_stale_files_it_wrote(tmp_path):
    out = tmp_path / "generated"
    code, text = run("generate", "--module", "batch", "--out", str(out))
    assert code == 0, text
    folder = out / "batch" / "postgres"
    ours = folder / "099_old_part.postgres.sql"  # a file an older schema generated
    ours.write_text((folder / "010_tables.postgres.sql").read_text().splitlines()[0] + "\nSELECT 1;\n")
    mine = folder / "900_my_grants.postgres.sql"  # the user's, beside the generated files
    mine.write_text("GRANT SELECT ON batch_jobs TO reporting;\n")
    code, text = run("generate", "--module", "batch", "--out", str(out))
    assert code == 2 and "900_my_grants.postgres.sql" in text and ours.exists(), text
    code, text = run("generate", "--module", "batch", "--out", str(out), "--check")
    assert code == 1 and "099_old_part.postgres.sql: no longer generated" in text and "900_" not in text, text
    code, text = run("generate", "--module", "batch", "--out", str(out), "--force")
    assert code == 0 and "removed batch/postgres/099_old_part.postgres.sql" in text, text
    assert not ours.exists() and mine.read_text().startswith("GRANT")


@pytest.mark.parametrize("engine", ENGINES)
def test_inspect_force_deletes_only_unedited_files_it_wrote(engine, request, tmp_path):
    short = "pg" if engine == "postgres" else "mysql"
    dsn, conn = request.getfixturevalue(f"{short}_dsn"), request.getfixturevalue(f"{short}_conn")
    with conn.cursor() as cur:
        for t in ("jobs", "items", "steps"):
            cur.execute(f"CREATE TABLE {t} (id integer PRIMARY KEY)")
    out = tmp_path / "schema"
    code, text = run("inspect", "--dsn", dsn, "--module", "m", "--out", str(out))
    assert code == 0, text
    tables = out / "m" / "tables"
    assert sorted(p.name for p in tables.iterdir()) == ["items.yaml", "jobs.yaml", "steps.yaml"]
    (tables / "mine.yaml").write_text("table: mine\ncolumns:\n  - {name: id, type: integer}\n")
    (tables / "steps.yaml").write_text((tables / "steps.yaml").read_text() + "comment: kept by hand\n")
    with conn.cursor() as cur:
        cur.execute("DROP TABLE items")
        cur.execute("DROP TABLE steps")
    code, text = run("inspect", "--dsn", dsn, "--module", "m", "--out", str(out), "--force")
    assert code == 0, text
    # items.yaml was jobschema's and unedited: gone; steps.yaml was edited and mine.yaml never jobschema's
    assert sorted(p.name for p in tables.iterdir()) == ["jobs.yaml", "mine.yaml", "steps.yaml"]
    assert "left in place" in text and "m/tables/mine.yaml" in text and "m/tables/steps.yaml" in text, text
