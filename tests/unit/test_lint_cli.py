"""``jobschema lint`` end to end, in process: exit codes, formats, configuration, the seed 001 fix."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from jobschema.cli import main

CASES = Path(__file__).resolve().parent.parent / "cases" / "lint"
SEED = CASES / "sql" / "seed001_fix.sql"


def run(args, cwd: Path | None = None, monkeypatch=None):
    if cwd is not None:
        monkeypatch.chdir(cwd)
    return CliRunner().invoke(main, args, catch_exceptions=False)


def seed_copy(tmp_path: Path) -> Path:
    target = tmp_path / "fix.sql"
    shutil.copy(SEED, target)
    return target


def test_seed_fix_reports_the_ordering_bug_at_its_line(tmp_path, monkeypatch):
    seed_copy(tmp_path)
    r = run(["lint", "fix.sql"], tmp_path, monkeypatch)
    assert r.exit_code == 1, r.output
    assert "fix.sql:30: JS206 error: UPDATE of batch_jobs.status runs after batch_jobs_status_check" in r.output
    assert "fix.sql:31: JS206" in r.output
    assert "fix.sql:25: JS201" in r.output


def test_select_ignore_and_config_severity(tmp_path, monkeypatch):
    seed_copy(tmp_path)
    assert run(["lint", "fix.sql", "--select", "JS1"], tmp_path, monkeypatch).exit_code == 0
    r = run(["lint", "fix.sql", "--ignore", "JS201,JS206,JS207,JS208"], tmp_path, monkeypatch)
    assert r.exit_code == 0 and "no findings" in r.output
    (tmp_path / "pyproject.toml").write_text('[tool.jobschema]\nlint = {severity = {JS2 = "info"}}\n')
    r = run(["lint", "fix.sql"], tmp_path, monkeypatch)
    assert r.exit_code == 0 and "JS206 info" in r.output
    (tmp_path / "pyproject.toml").write_text('[tool.jobschema]\nlint = {ignore = ["JS206"]}\n')
    r = run(["lint", "fix.sql"], tmp_path, monkeypatch)
    assert r.exit_code == 1 and "JS206" not in r.output and "JS201" in r.output


def test_formats_and_output_file(tmp_path, monkeypatch):
    seed_copy(tmp_path)
    r = run(["lint", "fix.sql", "--format", "json"], tmp_path, monkeypatch)
    doc = json.loads(r.output)
    assert {(f["code"], f["location"]["line"]) for f in doc["findings"]} == {
        ("JS201", 25), ("JS206", 30), ("JS206", 31), ("JS207", 25), ("JS208", 25)}
    r = run(["lint", "fix.sql", "--format", "sarif", "-o", "out.sarif"], tmp_path, monkeypatch)
    assert r.exit_code == 1
    assert json.loads((tmp_path / "out.sarif").read_text())["version"] == "2.1.0"
    r = run(["lint", "fix.sql", "--format", "github"], tmp_path, monkeypatch)
    assert "::error file=fix.sql,line=30,title=JS206" in r.output


def test_bad_input_exits_2(tmp_path, monkeypatch):
    empty = tmp_path / "empty"
    empty.mkdir()
    r = run(["lint"], empty, monkeypatch)  # nothing to lint: one line, as every other refusal
    assert (r.exit_code, r.output) == (2, "jobschema: nothing to lint: no schema/ or migrations/ here; pass PATH\n")
    seed_copy(tmp_path)
    r = run(["lint", "missing.sql"], tmp_path, monkeypatch)
    assert r.exit_code == 2 and "missing.sql" in r.output
    r = run(["lint", "fix.sql", "--select", "JS999"], tmp_path, monkeypatch)
    assert r.exit_code == 2 and "unknown rule selector 'JS999'" in r.output
    (tmp_path / "pyproject.toml").write_text('[tool.jobschema]\nlint = {selct = ["JS1"]}\n')
    r = run(["lint", "fix.sql"], tmp_path, monkeypatch)
    assert r.exit_code == 2 and "unknown key 'selct'" in r.output


def test_suppression_needs_a_reason(tmp_path, monkeypatch):
    (tmp_path / "m.sql").write_text("-- jobschema:ignore JS202\nCREATE INDEX i ON jobs (a);\n"
                                    "-- jobschema:ignore JS202 jobs is empty here\nCREATE INDEX j ON jobs (b);\n")
    r = run(["lint", "m.sql"], tmp_path, monkeypatch)
    assert r.exit_code == 1
    assert "m.sql:1: JS001" in r.output and "m.sql:2: JS202" in r.output and "m.sql:4" not in r.output


def test_lint_one_table_file_of_the_shipped_schema(monkeypatch):
    root = Path(__file__).resolve().parent.parent.parent
    r = run(["lint", "schema/batch/tables/batch_jobs.yaml", "--list-rules"], root, monkeypatch)
    assert r.exit_code == 0 and "JS206" in r.output
    r = run(["lint", "schema/batch/tables/batch_jobs.yaml"], root, monkeypatch)
    assert r.exit_code == 0, r.output


def test_js109_names_the_target_dialect_by_its_registry_name(tmp_path):
    tables = tmp_path / "schema" / "m" / "tables"
    tables.mkdir(parents=True)
    (tables.parent / "module.yaml").write_text("module: m\ndialects: [postgres, mysql]\n")
    (tables / "jobs.yaml").write_text("table: jobs\ncolumns:\n  - {name: id, type: integer}\nprimary_key: [id]\n"
                                      "rls: {enabled: true, policies: [{name: p, using: 'id > 0'}]}\n")
    res = CliRunner().invoke(main, ["lint", "--select", "JS109", str(tmp_path / "schema")])
    assert res.exit_code == 1, res.output
    assert "jobs: row-level security has no mysql form" in res.output and "a mysql override" in res.output
