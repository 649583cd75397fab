"""The registry's promises: codes claimed once, aliases resolve, ruff-style selection, docs in sync."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobschema.config import Config, LintSettings
from jobschema.errors import UsageError
from jobschema.finding import Severity
from jobschema.lint import docs, registry
from jobschema.lint.registry import RegistryError, Rule, Selection, register

ROOT = Path(__file__).resolve().parent.parent.parent
registry.load_all()  # the real rules claim their codes first, as they do in every command


def _rule(code: str, name: str, target: str = "table", aliases=()):
    return type("R", (Rule,), {"__doc__": "Doc.", "code": code, "name": name, "title": "t", "rationale": "r",
                               "fix": "f", "target": target, "aliases": aliases, "__module__": "tests.fake"})


def test_duplicate_code_is_refused_at_registration():
    with pytest.raises(RegistryError, match="already claimed"):
        register(_rule("JS101", "test.duplicate"))


def test_alias_of_a_live_code_is_refused():
    with pytest.raises(RegistryError, match="already claimed"):
        register(_rule("JS198", "test.alias_clash", aliases=("JS102",)))


def test_code_family_matches_target():
    with pytest.raises(RegistryError, match="JS2xx"):
        register(_rule("JS150", "test.wrong_family", target="migration"))


def test_every_rule_is_documented_and_named_after_its_module():
    for r in registry.all_rules():
        assert r.doc() and r.title and r.rationale and r.fix
        assert r.__module__.rsplit(".", 1)[-1].startswith(r.code.lower() + "_")
        assert not r.code.startswith("JS3"), "JS3xx belongs to audit"


def test_selection_longest_match_wins():
    sel = Selection.build(["JS1", "JS201"], ["JS10", "schema.mysql_inexpressible"])
    assert sel.enabled("JS201") and not sel.enabled("JS202")
    assert not sel.enabled("JS101") and not sel.enabled("JS109")
    assert Selection.build(["JS"], ["JS1"]).enabled("JS201")
    assert not Selection.build(["JS"], ["JS1"]).enabled("JS104")
    assert Selection.build(["JS104"], ["JS1"]).enabled("JS104")


def test_severity_override_and_unknown_selector():
    sel = Selection.build(None, (), {"JS104": "warning", "JS2": "info"})
    assert sel.severity_of(registry.get("JS104")) == Severity.WARNING
    assert sel.severity_of(registry.get("JS206")) == Severity.INFO
    assert sel.severity_of(registry.get("JS101")) == Severity.ERROR
    with pytest.raises(KeyError, match="unknown rule selector"):
        Selection.build(["JS999"])


def test_lint_settings_from_pyproject_table(tmp_path):
    cfg = Config(root=str(tmp_path))
    s = LintSettings.from_table({"select": ["JS1"], "ignore": "JS107", "severity": {"JS104": "Warning"},
                                 "paths": ["schema"]}, cfg)
    assert s.select == ("JS1",) and s.ignore == ("JS107",) and s.severity == (("JS104", "warning"),)
    assert s.paths == (str(tmp_path / "schema"),)
    assert LintSettings.from_table({}, cfg).paths == (str(tmp_path / "schema"), str(tmp_path / "migrations"))
    with pytest.raises(UsageError, match="unknown key 'selec'"):
        LintSettings.from_table({"selec": []}, cfg)
    with pytest.raises(UsageError, match="not \"error\""):
        LintSettings.from_table({"severity": {"JS104": "fatal"}}, cfg)


def test_rules_md_is_up_to_date():
    on_disk = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert on_disk == docs.render(), "docs/rules.md is stale: run python -m jobschema.lint.docs docs/rules.md"


def test_audit_and_lint_codes_share_one_table():
    """An audit code cannot be claimed by a rule, nor a rule's code by the audit: one table, one owner each."""
    from jobschema import codes
    from jobschema.diff import findings

    assert codes.get("JS301").owner == findings.__name__ and codes.get("JS101").family == "table"
    with pytest.raises(RegistryError, match="JS1xx"):
        register(_rule("JS301", "test.audit_code", target="table"))
    with pytest.raises(codes.CodeError, match="already claimed"):
        findings.register("JS301", "again", "test")
    with pytest.raises(codes.CodeError, match="audit codes are JS3xx"):
        findings.register("JS101", "a lint code", "test")
    before = set(codes.of_family("table"))
    with pytest.raises(RegistryError, match="already claimed"):
        register(_rule("JS197", "test.partial", aliases=("JS101",)))
    assert set(codes.of_family("table")) == before  # nothing of a refused rule stays claimed


def test_migration_rules_read_the_dialects_whose_capabilities_they_need():
    """A rule names capabilities, not dialects: the registry says which dialects have them."""
    assert registry.get("JS201").reads() == ("postgres",)  # NOT VALID
    assert registry.get("JS202").reads() == ("postgres",)  # CREATE INDEX CONCURRENTLY
    assert registry.get("JS203").reads() == ("postgres", "mysql")
    for rule in registry.all_rules():
        assert not hasattr(rule, "dialects"), f"{rule.code} names dialects; declare `needs` capabilities"


def test_needs_names_a_capability():
    """A misspelt capability would make the rule read no dialect at all: refused at registration."""
    bad = type("R", (_rule("JS196", "test.bad_needs"),), {"needs": ("row_security",), "__doc__": "Doc."})
    with pytest.raises(RegistryError, match="names no dialect capability: row_security"):
        register(bad)


def test_schema_rules_declare_the_catalogs_they_can_read():
    """A live catalog of a dialect without the capability cannot hold what the rule checks: RLS rules read
    PostgreSQL catalogs only, and JS104 too (MySQL keeps both timestamps in DATETIME)."""
    assert registry.get("JS105").reads() == registry.get("JS117").reads() == ("postgres",)
    assert registry.get("JS104").reads() == ("postgres",)
    assert registry.get("JS102").reads() == ("postgres", "mysql")
    assert registry.get("JS101").reads() == ("postgres",)  # InnoDB indexes a foreign key itself
