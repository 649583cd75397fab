"""``jobschema generate`` from the command line: the summary table, and ``--check`` as a CI gate that lists the
files differing from disk, exits 1 and writes nothing."""

from __future__ import annotations

import os
import shutil

from click.testing import CliRunner

from jobschema.cli import main

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCHEMA = os.path.join(ROOT, "schema")


def generate(*args: str):
    return CliRunner().invoke(main, ["generate", "--schema", SCHEMA, *args], catch_exceptions=False)


def snapshot(root) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_summary_table_counts_tables_views_policies_warnings(tmp_path):
    res = generate("--out", str(tmp_path / "out"))
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    header = next(i for i, ln in enumerate(lines) if ln.split() == ["module", "dialect", "tables", "views",
                                                                     "policies", "warnings"])
    rows = {tuple(ln.split()[:2]): [int(x) for x in ln.split()[2:]] for ln in lines[header + 1:]
            if len(ln.split()) == 6 and ln.split()[-1].isdigit()}
    assert rows[("campaign", "postgres")] == [4, 3, 4, 0]
    assert rows[("campaign", "mysql")][:3] == [4, 2, 0] and rows[("campaign", "mysql")][3] > 0
    assert rows[("iot", "postgres")] == [3, 0, 2, 0]
    assert rows[("iot", "mysql")] == [3, 0, 0, 4]  # two partial indexes, two tables' RLS
    assert rows[("deletion", "mysql")] == [2, 2, 0, 0]
    assert "warning: iot [mysql] index jobs.idx_jobs_expires_at: partial index predicate" in res.output


def test_check_lists_differing_files_exits_1_and_writes_nothing(tmp_path):
    out = tmp_path / "out"
    shutil.copytree(os.path.join(ROOT, "generated"), out)
    clean = generate("--out", str(out), "--check")
    assert clean.exit_code == 0, clean.output
    (out / "iot" / "postgres" / "010_tables.postgres.sql").write_text("-- edited by hand\n")
    (out / "batch" / "mysql" / "020_indexes.mysql.sql").unlink()
    stale = (out / "batch" / "mysql" / "010_tables.mysql.sql").read_text().splitlines()[0]  # the generated header
    (out / "batch" / "mysql" / "099_stale.mysql.sql").write_text(f"{stale}\n-- left over\n")
    (out / "batch" / "mysql" / "900_mine.mysql.sql").write_text("-- the user's own, never jobschema's\n")
    before = snapshot(out)
    res = generate("--out", str(out), "--check")
    assert res.exit_code == 1, res.output
    assert "iot/postgres/010_tables.postgres.sql: differs" in res.output
    assert "batch/mysql/020_indexes.mysql.sql: missing" in res.output
    assert "batch/mysql/099_stale.mysql.sql: no longer generated" in res.output
    assert "deletion/postgres" not in res.output  # only the files that differ are listed
    assert "900_mine" not in res.output  # not jobschema's: never reported stale (nor removed)
    assert snapshot(out) == before


def test_check_against_an_empty_folder_creates_nothing(tmp_path):
    out = tmp_path / "nothing"
    res = generate("--out", str(out), "--module", "deletion", "--dialect", "mysql", "--check")
    assert res.exit_code == 1
    assert "deletion/mysql/010_tables.mysql.sql: missing" in res.output
    assert "deletion/postgres" not in res.output
    assert not out.exists()
