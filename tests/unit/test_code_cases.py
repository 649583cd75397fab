"""The sample application under tests/cases/code/: a TypeScript service in the style of seed 001 and a Python
worker, checked against its schema; ``expect.txt`` lists exactly the findings (no database)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobschema import api
from jobschema.cli import main

CASE = Path(__file__).resolve().parents[1] / "cases" / "code"


def _expected() -> list[str]:
    lines = (CASE / "expect.txt").read_text(encoding="utf-8").splitlines()
    return [x for x in lines if x.strip() and not x.startswith("#")]


def _line(f) -> str:
    loc = f.location
    return f"{loc.file}:{loc.line}:{loc.col} {f.code} {f.path}"


@pytest.fixture()
def in_case(monkeypatch):
    monkeypatch.chdir(CASE)


def test_sample_application_findings_are_exactly_the_expected(in_case):
    result = api.code(["app"], "schema")
    assert sorted(_line(f) for f in result.findings) == sorted(_expected())
    assert result.files == 3  # node_modules is not read
    assert result.suppressed == 1  # the commented legacy filter
    assert result.unresolved == 3


def test_value_is_reported_at_the_literal_with_the_schema_definition(in_case):
    result = api.code(["app"], "schema")
    f = next(x for x in result.findings if x.code == "JS401" and "suspended" in x.message)
    line = Path(f.location.file).read_text(encoding="utf-8").splitlines()[f.location.line - 1]
    assert line[f.location.col - 1:].startswith("'suspended'")
    assert [str(r) for r in f.related] == ["schema/batch/tables/batch_jobs.yaml:24:5"]
    worker = next(x for x in result.findings if x.code == "JS401" and "errored" in x.message)
    text = Path(worker.location.file).read_text(encoding="utf-8").splitlines()[worker.location.line - 1]
    assert text[worker.location.col - 1:].startswith('"errored"')  # the tuple item bound to %s


@pytest.mark.parametrize("fmt", ["sarif", "json", "github", "junit", "text"])
def test_cli_formats_carry_the_application_file(in_case, fmt):
    res = CliRunner().invoke(main, ["code", "app", "--schema", "schema", "--format", fmt])
    assert res.exit_code == 1, res.output
    assert "app/src/lib/services/batch-job-service.ts" in res.output
    if fmt == "sarif":
        doc = json.loads(res.output)
        results = doc["runs"][0]["results"]
        js401 = [r for r in results if r["ruleId"] == "JS401"]
        assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in js401} == {
            "app/src/lib/services/batch-job-service.ts", "app/worker/worker.py"}
        assert all(r["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("schema/")
                   for r in js401)


def test_cli_bad_path_is_one_line_and_exit_2(in_case):
    res = CliRunner().invoke(main, ["code", "no/such/dir", "--schema", "schema"])
    assert res.exit_code == 2
    assert "no/such/dir: no such file or folder" in res.output
    assert "Traceback" not in res.output


def test_a_process_pool_reads_the_same_as_one_process(in_case, monkeypatch):
    from jobschema.code import run

    monkeypatch.setattr(run, "PARALLEL_FROM", 10**9)
    serial, n = run.extract_files(["app"], "postgres")
    monkeypatch.setattr(run, "PARALLEL_FROM", 1)
    pooled, m = run.extract_files(["app"], "postgres")
    assert n == m == 3
    assert (pooled.uses, pooled.value_sets, pooled.suppressions, pooled.skipped) == (
        serial.uses, serial.value_sets, serial.suppressions, serial.skipped)


def test_a_pooled_report_is_byte_identical_to_one_process(tmp_path, monkeypatch):
    """Many chunks, read by worker processes and merged: the JSON report is the single process's, byte for
    byte (the copies differ, so a chunk lost or read differently in a worker would show)."""
    from jobschema import report
    from jobschema.code import run

    files = [p for p in sorted((CASE / "app").rglob("*")) if p.is_file()]
    for k, value in enumerate(["queued", "suspended", "failed", "pending", "done", "paused"]):
        for p in files:
            target = tmp_path / f"copy{k}" / p.relative_to(CASE / "app")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(p.read_text(encoding="utf-8").replace("'queued'", f"'{value}'"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def report_json() -> str:
        result = api.code(["."], str(CASE / "schema"))
        return report.render(result.findings, "json", rules=api.code_rules(f.code for f in result.findings))

    monkeypatch.setattr(run, "PARALLEL_FROM", 10**9)
    serial = report_json()
    monkeypatch.setattr(run, "PARALLEL_FROM", 1)
    monkeypatch.setattr(run, "CHUNK_MIN", 1)
    assert report_json() == serial
    assert serial.count("copy5/") > 0 and serial.count("suspended") > 1


def test_sarif_with_related_locations_validates(in_case):
    import jsonschema

    from jobschema import report

    schema = json.loads((CASE.parents[1] / "schemas" / "sarif-2.1.0-subset.json").read_text(encoding="utf-8"))
    result = api.code(["app"], "schema")
    doc = json.loads(report.render(result.findings, "sarif", rules=api.code_rules(f.code for f in result.findings)))
    errors = [f"{list(e.path)}: {e.message}" for e in jsonschema.Draft7Validator(schema).iter_errors(doc)]
    assert errors == []
    assert any("relatedLocations" in r for r in doc["runs"][0]["results"])
