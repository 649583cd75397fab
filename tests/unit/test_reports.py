"""Every format renders the same findings: SARIF validates against the 2.1.0 schema, JUnit is XML,
GitHub annotations carry file and line."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from jobschema import report
from jobschema.finding import Finding, Location, Severity
from jobschema.lint.registry import rule_info

SCHEMA = Path(__file__).resolve().parent.parent / "schemas" / "sarif-2.1.0-subset.json"

FINDINGS = [
    Finding("JS206", Severity.ERROR, "batch_jobs", "UPDATE of batch_jobs.status runs after the check was added",
            expected="UPDATE first", actual="UPDATE at line 30", location=Location("migrations/x.sql", 30),
            hint="Move the UPDATE first.", data={"statement_line": 30}),
    Finding("JS107", Severity.WARNING, "iot.jobs.idx", "index idx, a: prefix of pkey",
            location=Location("schema/iot/tables/jobs.yaml", 57, 5)),
    Finding("JS301", Severity.INFO, "batch.batch_jobs.status", "live CHECK allows pending, 100% of rows\nsecond line",
            module="batch"),
]


@pytest.mark.parametrize("fmt", report.FORMATS)
def test_every_format_renders_empty_and_full(fmt):
    assert isinstance(report.render([], fmt), str)
    assert report.render(FINDINGS, fmt).endswith("\n")


def test_unknown_format():
    with pytest.raises(ValueError):
        report.render(FINDINGS, "yaml")


def test_sarif_validates_against_the_schema():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    for findings in (FINDINGS, []):
        doc = json.loads(report.render(findings, "sarif"))
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]
    doc = json.loads(report.render(FINDINGS, "sarif", rules=rule_info(f.code for f in FINDINGS)))
    run = doc["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert ids == ["JS107", "JS206", "JS301"]
    res = {r["ruleId"]: r for r in run["results"]}
    assert res["JS206"]["locations"][0]["physicalLocation"]["region"] == {"startLine": 30}
    assert res["JS206"]["level"] == "error" and res["JS301"]["level"] == "note"
    assert run["tool"]["driver"]["rules"][ids.index("JS206")]["shortDescription"]["text"].startswith("UPDATE")
    assert "physicalLocation" not in res["JS301"]["locations"][0]
    untitled = json.loads(report.render(FINDINGS, "sarif"))["runs"][0]["tool"]["driver"]["rules"]
    assert [r["shortDescription"]["text"] for r in untitled] == ["JS107", "JS206", "JS301"]


def test_sarif_schema_rejects_a_broken_log():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    doc = json.loads(report.render(FINDINGS, "sarif"))
    doc["runs"][0]["results"][0]["level"] = "fatal"
    assert list(jsonschema.Draft7Validator(schema).iter_errors(doc))


def test_junit_is_xml_with_one_failure_per_error_or_warning():
    root = ET.fromstring(report.render(FINDINGS, "junit"))
    assert root.tag == "testsuites" and root.get("tests") == "3" and root.get("failures") == "2"
    failures = root.findall(".//failure")
    assert sorted(f.get("type") for f in failures) == ["JS107", "JS206"]
    case = next(c for c in root.iter("testcase") if c.find("failure") is not None and c.get("line") == "30")
    assert case.get("file") == "migrations/x.sql"
    clean = ET.fromstring(report.render([], "junit"))
    assert clean.get("failures") == "0" and len(list(clean.iter("testcase"))) == 1


def test_github_annotations_escape_and_locate():
    lines = report.render(FINDINGS, "github").splitlines()
    assert len(lines) == 3
    by_code = {line.split("title=")[1][:5]: line for line in lines}
    warn = by_code["JS107"]
    assert warn.startswith("::warning file=schema/iot/tables/jobs.yaml,line=57,col=5,title=JS107 iot.jobs.idx::")
    assert warn.endswith("::index idx, a: prefix of pkey")
    assert by_code["JS206"].startswith("::error file=migrations/x.sql,line=30,title=JS206 batch_jobs::")
    assert by_code["JS301"].startswith("::notice title=JS301 batch.batch_jobs.status::")
    assert "100%25 of rows%0Asecond line" in by_code["JS301"]


def test_json_and_text():
    doc = json.loads(report.render(FINDINGS, "json"))
    assert doc["summary"] == {"total": 3, "error": 1, "warning": 1, "info": 1}
    assert sorted(f["code"] for f in doc["findings"]) == ["JS107", "JS206", "JS301"]
    assert doc["findings"][0]["location"] == {"file": "migrations/x.sql", "line": 30, "col": None}
    text = report.render(FINDINGS, "text")
    assert "migrations/x.sql:30: JS206 error: UPDATE of batch_jobs.status" in text
    assert text.rstrip().endswith("3 findings (1 error, 1 warning, 1 info)")
    assert report.render([], "text") == "no findings\n"
