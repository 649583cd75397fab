"""Every lint case is a data file: ``tests/cases/lint/<CODE>.yaml`` (schema rules: tables, plus view and
function ``files`` and ``other_modules`` a case requires) and ``.sql`` files with ``-- expect: CODE`` on
the offending line. Adding a case needs no Python. tests/integration/test_lint_live.py builds each schema case
on a real database and expects ``lint --dsn`` to read back the same findings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from lintcases import CASES, YAML_CASES, case_id, schema_cases, write_module

from jobschema.lint import registry, runner
from jobschema.lint.registry import Selection
from jobschema.load.build import load_project

SQL_CASES = sorted(CASES.rglob("*.sql"))
# lint --dsn cases (tests/integration/test_lint_live.py): migrations against the rows a live.sql creates
LIVE_CASES = sorted(p for p in (CASES.parent / "lint_live").rglob("*.sql") if p.name != "live.sql")
MARK = re.compile(r"--\s*(expect|ok):\s*(JS\d{3}(?:\s*,\s*JS\d{3})*)")


def _schema_cases():
    for code, i, case in schema_cases():
        yield pytest.param(code, case, id=case_id(code, i, case))


@pytest.mark.parametrize(("code", "case"), list(_schema_cases()))
def test_schema_case(tmp_path, code, case):
    schema = write_module(tmp_path, case)
    project = load_project(str(schema))
    result = runner.lint_project(project, Selection.build(case.get("select", [code])), root=str(schema))
    got = sorted(f.code for f in result.findings)
    assert got == sorted(case["expect"]), "\n".join(f"{f.location}: {f.code} {f.message}" for f in result.findings)
    for f in result.findings:
        assert f.location is not None and f.location.file.startswith("schema/m/") and f.location.line


def annotations(path: Path) -> tuple[set[tuple[int, str]], set[tuple[int, str]]]:
    expect, ok = set(), set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        for kind, codes in MARK.findall(line):
            for code in (c.strip() for c in codes.split(",")):
                (expect if kind == "expect" else ok).add((n, code))
    return expect, ok


@pytest.mark.parametrize("path", SQL_CASES, ids=lambda p: str(p.relative_to(CASES)))
def test_sql_case(path):
    expect, ok = annotations(path)
    result = runner.lint_sql_file(str(path), Selection.build(), base=str(CASES))
    got = {(f.location.line, f.code) for f in result.findings}
    shown = "\n".join(f"{f.location}: {f.code} {f.message}" for f in result.findings)
    assert got == expect, shown
    assert not (got & ok), shown


def test_every_rule_has_a_failing_and_a_passing_case():
    fails: set[str] = set()
    passes: set[str] = set()
    for path in YAML_CASES:
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            (fails if case["expect"] else passes).add(path.stem)
    for path in SQL_CASES + LIVE_CASES:
        expect, ok = annotations(path)
        fails |= {c for _, c in expect}
        passes |= {c for _, c in ok}
    codes = {r.code for r in registry.all_rules()}
    assert codes - fails == set(), "rules without a failing case"
    assert codes - passes == set(), "rules without a passing case"


def test_rules_about_files_are_left_out_of_a_catalog_lint(tmp_path):
    """lint --dsn lints a project read from a catalog (``live=True``): a rule about what the files say
    (``catalog = False``, JS118: which module defines a function) is not run there, the others are."""
    doc = yaml.safe_load((CASES / "JS118.yaml").read_text(encoding="utf-8"))
    project = load_project(str(write_module(tmp_path, doc["cases"][1])))
    selection = Selection.build(["JS118", "JS102"])
    assert [f.code for f in runner.lint_project(project, selection).findings] == ["JS118"]
    assert [f.code for f in runner.lint_project(project, selection, live=True).findings] == []
    assert [r.code for r in registry.all_rules() if r.target in ("table", "module") and not r.catalog] == [
        "JS109", "JS118"]


def test_cases_left_out_of_the_live_lint_are_suppressions(tmp_path):
    """``live_skip`` leaves a case out of the ``lint --dsn`` test (tests/integration/test_lint_live.py) only when
    the case is a suppression, which lives in the files and never in a catalog: its file lint suppressed a
    finding, and the reason is given. Anything else a catalog cannot hold is a dialect the case leaves out."""
    skipped = [(code, i, case) for code, i, case in schema_cases() if "live_skip" in case]
    assert skipped
    for code, i, case in skipped:
        schema = write_module(tmp_path / f"{code}-{i}", case)
        result = runner.lint_project(load_project(str(schema)), Selection.build(case.get("select", [code])),
                                     root=str(schema))
        assert result.suppressed and len(str(case["live_skip"])) > 20, case_id(code, i, case)
