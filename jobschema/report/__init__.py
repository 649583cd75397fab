"""Reports: every audit and lint result is a list of ``Finding``; one formatter per file turns it into text.

``render(findings, fmt)`` is the single entry point the commands use: ``text``, ``json``, ``sarif``
(SARIF 2.1.0), ``junit`` (JUnit XML) and ``github`` (workflow annotations).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass

FORMATS = ("text", "json", "sarif", "junit", "github")


@dataclass(frozen=True)
class RuleInfo:
    """What a report may say about a code besides the finding: a title and a longer help text."""

    code: str
    title: str
    help: str = ""
    name: str = ""
    default_level: str = "error"


def rule_info(codes: Iterable[str]) -> dict[str, RuleInfo]:
    """Titles for the codes the lint registry knows (audit codes get their code as title)."""
    out: dict[str, RuleInfo] = {}
    try:
        from ..lint import registry
    except Exception:  # pragma: no cover - reports never fail because the registry cannot load
        registry = None
    for code in sorted(set(codes)):
        info = RuleInfo(code, code)
        if registry is not None and registry.known_code(code):
            r = registry.get(code)
            info = RuleInfo(code, r.title, f"{r.rationale} {r.fix}", r.name, r.severity.value)
        out[code] = info
    return out


def render(findings: list, fmt: str = "text", *, tool: str = "jobschema", rules: dict[str, RuleInfo] | None = None,
           **options) -> str:
    """Render ``findings`` (a list of ``Finding``) in ``fmt``; the result ends with a newline when non-empty."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r} (known: {', '.join(FORMATS)})")
    from ..finding import sort_findings

    module = importlib.import_module(f".{fmt}", __name__)
    ordered = sort_findings(list(findings))
    info = rule_info(f.code for f in ordered)
    if rules:
        info.update(rules)
    return module.render(ordered, tool=tool, rules=info, **options)
