"""``jobschema audit --format text|json|sarif|junit|github`` on real PostgreSQL and MariaDB databases.

Every format carries the same findings; SARIF validates against the 2.1.0 schema subset in tests/schemas;
JUnit is XML with one failure per error or warning; GitHub annotations point at the schema file and the line
that declares the drifted object, so a pull request shows them on that line.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from dbutil import apply_sql_mysql, apply_sql_pg

from jobschema import api

REPO = Path(__file__).resolve().parents[2]
SARIF = json.loads((REPO / "tests" / "schemas" / "sarif-2.1.0-subset.json").read_text(encoding="utf-8"))


def line_of(rel: str, needle: str) -> int:
    """1-based line of the first line of ``schema/<rel>`` containing ``needle`` (a table is located at its
    ``table:`` line)."""
    for n, line in enumerate((REPO / "schema" / rel).read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(f"{needle!r} not in {rel}")


def audit(dsn: str, module: str, fmt: str, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "jobschema", "audit", "--dsn", dsn, "--module", module,
                           "--format", fmt, *extra], cwd=REPO, capture_output=True, text=True, timeout=120)


def build(dsn: str, module: str, dialect: str, drift: list[str]) -> None:
    files = api.render_project(api.load(str(REPO / "schema")), module, dialect).files
    apply = apply_sql_pg if dialect == "postgres" else apply_sql_mysql
    for path in sorted(files):
        apply(dsn, files[path])
    for stmt in drift:
        apply(dsn, stmt)


CASES = {
    "postgres": ("batch", "batch/tables/batch_jobs.yaml",
                 ["ALTER TABLE batch_jobs DROP CONSTRAINT batch_jobs_status_check",
                  "DROP INDEX batch_jobs_status_idx"],
                 {"JS310": "- name: status", "JS320": "- name: batch_jobs_status_idx"}),
    "mysql": ("deletion", "deletion/tables/deletion_jobs.yaml",
              ["ALTER TABLE deletion_jobs MODIFY COLUMN status ENUM('pending','running','done') NOT NULL "
               "DEFAULT 'pending'",
               "ALTER TABLE deletion_jobs ADD INDEX idx_dj_extra (reason(20))"],
              {"JS303": "- name: status", "JS362": "table: deletion_jobs"}),
}


@pytest.mark.parametrize("dialect", ["postgres", "mysql"])
def test_audit_reports_in_every_format_with_schema_file_and_line(request, dialect, tmp_path):
    dsn = request.getfixturevalue("pg_dsn" if dialect == "postgres" else "mysql_dsn")
    module, rel, drift, expected = CASES[dialect]
    build(dsn, module, dialect, drift)
    where = {code: line_of(rel, needle) for code, needle in expected.items()}
    file = f"schema/{rel}"

    js = audit(dsn, module, "json", "--no-data")
    assert js.returncode == 1, js.stderr
    findings = json.loads(js.stdout)["findings"]
    got = {f["code"]: f for f in findings}
    assert set(where) <= set(got), findings
    for code, line in where.items():
        assert got[code]["location"]["file"] == file and got[code]["location"]["line"] == line, got[code]

    sarif = audit(dsn, module, "sarif", "--no-data")
    assert sarif.returncode == 1 and "Traceback" not in sarif.stderr, sarif.stderr
    doc = json.loads(sarif.stdout)
    errors = list(jsonschema.Draft7Validator(SARIF, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
                  .iter_errors(doc))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]
    results = doc["runs"][0]["results"]
    assert sorted(r["ruleId"] for r in results) == sorted(f["code"] for f in findings)
    for r in results:
        if r["ruleId"] in where:
            phys = r["locations"][0]["physicalLocation"]
            assert phys["artifactLocation"]["uri"] == file and phys["region"]["startLine"] == where[r["ruleId"]]
    titles = {d["id"]: d["shortDescription"]["text"] for d in doc["runs"][0]["tool"]["driver"]["rules"]}
    assert all(titles[c] != c for c in where), titles  # audit codes carry their titles

    junit = audit(dsn, module, "junit", "--no-data")
    assert junit.returncode == 1
    root = ET.fromstring(junit.stdout)
    failing = [f for f in findings if f["severity"] in ("error", "warning")]
    assert root.get("failures") == str(len(failing))
    assert {(c.get("file"), c.get("line")) for c in root.iter("testcase") if c.find("failure") is not None} >= {
        (file, str(line)) for line in where.values()}

    gh = audit(dsn, module, "github", "--no-data")
    assert gh.returncode == 1
    lines = gh.stdout.splitlines()
    assert len(lines) == len(findings)
    for code, line in where.items():
        assert any(x.startswith(("::error ", "::warning ")) and f"file={file},line={line}," in x
                   and f"title={code} " in x for x in lines), (code, lines)

    out = tmp_path / "audit.sarif"  # -o writes the report to a file and the text summary to stderr
    res = audit(dsn, module, "sarif", "--no-data", "-o", str(out))
    assert res.returncode == 1 and json.loads(out.read_text())["version"] == "2.1.0"
    assert "drift:" in res.stderr and res.stdout == ""


def test_clean_audit_in_every_format_exits_0(pg_dsn):
    build(pg_dsn, "batch", "postgres", [])
    for fmt in ("sarif", "junit", "github"):
        res = audit(pg_dsn, "batch", fmt)
        assert res.returncode == 0, (fmt, res.stdout, res.stderr)
    assert json.loads(audit(pg_dsn, "batch", "sarif").stdout)["runs"][0]["results"] == []
    assert audit(pg_dsn, "batch", "github").stdout == ""
    assert ET.fromstring(audit(pg_dsn, "batch", "junit").stdout).get("failures") == "0"
