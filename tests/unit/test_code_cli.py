"""``jobschema code`` as a user runs it: [tool.jobschema.code] settings, map ties, suppressions, errors (exit 2,
one line), ``-o``, byte-identical output, and ``jobschema check`` running it when configured (no database)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobschema import api
from jobschema.cli import main
from jobschema.config import load_config
from jobschema.lint.registry import Selection

CASE = Path(__file__).resolve().parents[1] / "cases" / "code"

SERVICE = """\
type Status = 'queued' | 'processing' | 'paused' | 'completed' | 'failed';
export const start = (db) => db.from('batch_jobs').update({ status: 'started' });
// jobschema:ignore JS401
export const stop = (db) => db.from('batch_jobs').update({ status: 'stopped' });
// jobschema:ignore JS401 the legacy importer writes this value; the fix migration rewrites it
export const old = (db) => db.from('batch_jobs').update({ status: 'pending' });
"""


def project(tmp_path: Path, code_section: str) -> Path:
    shutil.copytree(CASE / "schema", tmp_path / "schema")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "service.ts").write_text(SERVICE)
    (tmp_path / "pyproject.toml").write_text(f'[tool.jobschema]\nschema = "schema"\n\n{code_section}\n')
    return tmp_path


def run(tmp_path: Path, monkeypatch, *args: str) -> tuple[int, str]:
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(main, ["code", *args])
    return res.exit_code, res.output


def test_paths_and_map_from_config_ties_and_suppressions(tmp_path, monkeypatch):
    project(tmp_path, '[tool.jobschema.code]\npaths = ["src"]\nmap = {"Status" = "batch.batch_jobs.status", '
                      '"Gone" = "batch.batch_jobs.status"}')
    status, out = run(tmp_path, monkeypatch)
    assert status == 1, out
    # the map ties Status: 'cancelled' is missing from it
    assert "src/service.ts:1:6: JS403 warning: union Status differs from batch.batch_jobs.status in the schema: " \
           "missing (allowed by the schema): cancelled" in out
    assert "JS413 warning: [tool.jobschema.code] map ties Gone" in out
    assert "src/service.ts:2:69: JS401 error" in out and "'started'" in out
    # a suppression without a reason suppresses nothing and is itself a finding
    assert "src/service.ts:3:1: JS001 error: jobschema:ignore JS401 has no reason" in out
    assert "src/service.ts:4:68: JS401 error" in out
    assert "'pending'" not in out and "1 suppressed" in out


def test_output_file_and_byte_identical_runs(tmp_path, monkeypatch):
    project(tmp_path, '[tool.jobschema.code]\npaths = ["src"]')
    first = run(tmp_path, monkeypatch, "--format", "sarif", "-o", "a.sarif")
    second = run(tmp_path, monkeypatch, "--format", "sarif", "-o", "b.sarif")
    assert first[0] == second[0] == 1
    assert (tmp_path / "a.sarif").read_bytes() == (tmp_path / "b.sarif").read_bytes()
    assert '"uri": "src/service.ts"' in (tmp_path / "a.sarif").read_text()
    assert "JS401 error" in first[1]  # the text report goes to stderr


@pytest.mark.parametrize("section,message", [
    ('[tool.jobschema.code]\npaths = ["src"]\ncolour = 1', "unknown key 'colour' in [tool.jobschema.code]"),
    ('[tool.jobschema.code]\npaths = ["src"]\nmap = {"S" = "status"}', "map: 'status' is not table.column"),
    ('[tool.jobschema.code]\npaths = 3', "[tool.jobschema.code] paths must be a list of strings"),
    ("", "nothing to check: pass PATH or set [tool.jobschema.code] paths"),
    ('[tool.jobschema.code]\npaths = ["nowhere"]', "nowhere: no such file or folder"),
    ('[tool.jobschema.code]\npaths = ["src"]\nmodule = "nope"', "unknown module 'nope'"),
])
def test_bad_settings_are_one_line_and_exit_2(tmp_path, monkeypatch, section, message):
    project(tmp_path, section)
    status, out = run(tmp_path, monkeypatch)
    assert status == 2, out
    assert message in out and "Traceback" not in out
    assert out.strip().count("\n") == 0, out  # one line, as every other refusal


def test_syntax_error_is_reported_not_silent(tmp_path, monkeypatch):
    project(tmp_path, '[tool.jobschema.code]\npaths = ["src"]')
    (tmp_path / "src" / "broken.ts").write_text("const a = db.from('batch_jobs').insert({ status: 'x' });\n"
                                                "function (\n")
    status, out = run(tmp_path, monkeypatch, "src/broken.ts")
    assert status == 1  # the statement before the error is still read and checked
    assert "src/broken.ts:1:50: JS401 error" in out
    assert "src/broken.ts:2:1: JS412 info: the file has a syntax error here" in out


def test_report_file_in_a_missing_folder_is_refused_first(tmp_path, monkeypatch):
    project(tmp_path, '[tool.jobschema.code]\npaths = ["src"]')
    status, out = run(tmp_path, monkeypatch, "--format", "json", "-o", "no/such/dir/r.json")
    assert status == 2 and "-o/--output no/such/dir/r.json: no such folder" in out and "Traceback" not in out


def test_check_runs_code_when_configured(tmp_path, monkeypatch):
    project(tmp_path, '[tool.jobschema.code]\npaths = ["src"]')
    monkeypatch.chdir(tmp_path)
    result = api.check(load_config(), Selection())
    (step,) = [s for s in result.steps if s.name == "code"]
    assert not step.ok and any("JS401" in p and "'started'" in p for p in step.problems)
    (tmp_path / "pyproject.toml").write_text('[tool.jobschema]\nschema = "schema"\n')
    assert [s for s in api.check(load_config(), Selection()).steps if s.name == "code"] == []


def test_docs_examples_from_the_sample_are_what_it_reports(monkeypatch):
    """Every report line docs/code.md quotes from the sample application is a line the sample produces."""
    root = CASE.parents[2]
    quoted = [line for line in (root / "docs" / "code.md").read_text(encoding="utf-8").splitlines()
              if line.startswith(("app/src/", "app/worker/", "schema/batch/"))]
    assert len(quoted) >= 6
    monkeypatch.chdir(CASE)
    out = CliRunner().invoke(main, ["code", "app", "--schema", "schema"]).output.splitlines()
    assert [q for q in quoted if q not in out] == []


def test_application_pipeline_in_ci_docs_runs_real_commands():
    import re
    import shlex

    text = (CASE.parents[2] / "docs" / "ci.md").read_text(encoding="utf-8")
    block = text.split("# in the application's repository:", 1)[1].split("```", 1)[0]
    commands = [c.split("||")[0] for c in re.findall(r"run: (jobschema code .*)", block)]
    assert len(commands) == 3
    for c in commands:
        main.make_context("jobschema", shlex.split(c)[1:], resilient_parsing=False)
        sub = main.get_command(None, "code")
        sub.make_context("code", shlex.split(c)[2:])


@pytest.mark.parametrize("dialect,sql,reported", [
    ("postgres", "SELECT relname FROM pg_class JOIN information_schema.tables t ON true", False),
    ("postgres", "SELECT version FROM jobschema_migrations", False),
    ("postgres", "SELECT id FROM batch_job", True),  # a typo of batch_jobs: reported
    ("mysql", "SELECT TABLE_NAME FROM information_schema.TABLES", False),
    ("mysql", "SELECT id FROM pg_class", True),  # a PostgreSQL catalog means nothing on MySQL
])
def test_the_servers_own_tables_are_not_the_applications(tmp_path, monkeypatch, dialect, sql, reported):
    project(tmp_path, f'[tool.jobschema.code]\npaths = ["q.py"]\ndialect = "{dialect}"')
    (tmp_path / "q.py").write_text(f'Q = "{sql}"\n')
    status, out = run(tmp_path, monkeypatch)
    assert ("JS405" in out) is reported, out


def test_modules_are_chosen_by_the_tables_the_code_names(tmp_path, monkeypatch):
    (tmp_path / "a.ts").write_text("db.from('batch_jobs').select('id'); db.from('deletion_jobs').select('id');\n")
    monkeypatch.chdir(tmp_path)
    schema = str(CASE.parents[2] / "schema")
    result = api.code(["a.ts"], schema)
    assert result.modules == ["batch", "deletion"] and result.failing == []
    assert {f.path for f in result.findings if f.code == "JS410"} >= {"batch.batch_items", "deletion.users"}
    assert api.code(["a.ts"], schema, module="batch").modules == ["batch"]
    # one database holds one module: with a DSN the code must name it, before any connection is made
    res = CliRunner().invoke(main, ["code", "a.ts", "--schema", schema, "--dsn", "postgresql://u:secret@nowhere/db"])
    assert res.exit_code == 2
    assert "the code uses tables of modules batch, deletion; name the one the database holds with --module" in res.output
    assert "secret" not in res.output
