"""``jobschema check`` on a copy of the shipped project: clean exits 0; a hand-edited generated file, a schema
edit without regenerating and an edited applied migration each exit 1 and name the file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobschema.cli import main
from jobschema.migrate import sumfile

ROOT = Path(__file__).resolve().parent.parent.parent

FIX = """-- Rewrite legacy values first, then add the check NOT VALID and validate it.
SET lock_timeout = '5s';
UPDATE batch_jobs SET status = 'queued' WHERE status = 'pending';
UPDATE batch_jobs SET status = 'processing' WHERE status = 'running';
ALTER TABLE batch_jobs DROP CONSTRAINT IF EXISTS batch_jobs_status_check;
ALTER TABLE batch_jobs ADD CONSTRAINT batch_jobs_status_check
  CHECK (status IN ('queued', 'processing', 'paused', 'completed', 'failed', 'cancelled')) NOT VALID;
ALTER TABLE batch_jobs VALIDATE CONSTRAINT batch_jobs_status_check;
"""


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("pristine")
    shutil.copytree(ROOT / "schema", src / "schema")
    shutil.copytree(ROOT / "generated", src / "generated")
    shutil.copy(ROOT / "pyproject.toml", src / "pyproject.toml")
    mig = src / "migrations" / "batch" / "postgres"
    mig.mkdir(parents=True)
    (mig / "0001_fix_batch_jobs_status.sql").write_text(FIX)
    (mig / "jobschema.sum").write_text(sumfile.compute(str(mig), ["0001_fix_batch_jobs_status.sql"]))
    return src


@pytest.fixture()
def project(pristine, tmp_path, monkeypatch) -> Path:
    dst = tmp_path / "proj"
    shutil.copytree(pristine, dst)
    monkeypatch.chdir(dst)
    return dst


def check():
    return CliRunner().invoke(main, ["check"], catch_exceptions=False)


def test_clean_project_passes(project):
    r = check()
    assert r.exit_code == 0, r.output
    assert "generate: ok" in r.output and "lint: ok" in r.output and "migrations: ok" in r.output
    assert r.output.rstrip().endswith("check passed")


def test_hand_edited_generated_file(project):
    target = project / "generated" / "batch" / "postgres" / "010_tables.postgres.sql"
    target.write_text(target.read_text() + "\n-- edited by hand\n")
    r = check()
    assert r.exit_code == 1
    assert "generated/batch/postgres/010_tables.postgres.sql: differs from the schema" in r.output
    assert "check failed: generate" in r.output


def test_schema_edit_without_regenerating(project):
    target = project / "schema" / "batch" / "tables" / "batch_jobs.yaml"
    text = target.read_text()
    target.write_text(text.replace("comment: Job name shown in the UI.", "comment: Job name shown in lists."))
    assert target.read_text() != text
    r = check()
    assert r.exit_code == 1
    assert "generated/batch/postgres/010_tables.postgres.sql: differs from the schema" in r.output


def test_edited_applied_migration(project):
    target = project / "migrations" / "batch" / "postgres" / "0001_fix_batch_jobs_status.sql"
    target.write_text(FIX.replace("'running'", "'active'"))
    r = check()
    assert r.exit_code == 1
    assert "migrations/batch/postgres/0001_fix_batch_jobs_status.sql: edited after it was written" in r.output
    assert "check failed: migrations" in r.output


def test_dangerous_migration_fails_the_lint(project):
    mig = project / "migrations" / "batch" / "postgres"
    shutil.copy(ROOT / "tests" / "cases" / "lint" / "sql" / "seed001_fix.sql", mig / "0002_seed_fix.sql")
    (mig / "jobschema.sum").write_text(sumfile.compute(str(mig), ["0001_fix_batch_jobs_status.sql",
                                                                  "0002_seed_fix.sql"]))
    r = check()
    assert r.exit_code == 1
    assert "migrations/batch/postgres/0002_seed_fix.sql:30: JS206" in r.output
    assert "check failed: lint" in r.output


def test_bad_schema_exits_2(project):
    (project / "schema" / "batch" / "tables" / "batch_jobs.yaml").write_text("table: batch_jobs\ncolumns: 3\n")
    r = check()
    assert r.exit_code == 2
    assert "batch_jobs.yaml" in r.output
