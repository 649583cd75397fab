"""Reports: every audit and lint result is a list of ``Finding``; one formatter per file turns it into text.

``render(findings, fmt)`` is the single entry point the commands use: ``text``, ``json``, ``sarif``
(SARIF 2.1.0), ``junit`` (JUnit XML) and ``github`` (workflow annotations).
"""

from __future__ import annotations

import importlib
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


def render(findings: list, fmt: str = "text", *, tool: str = "jobschema", rules: dict[str, RuleInfo] | None = None,
           **options) -> str:
    """Render ``findings`` (a list of ``Finding``) in ``fmt``; the result ends with a newline when non-empty.

    ``rules`` titles the codes (``lint.registry.rule_info`` for lint codes, the audit's code table for audit
    ones); a code without an entry is titled by itself."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r} (known: {', '.join(FORMATS)})")
    module = importlib.import_module(f".{fmt}", __name__)  # only the formatter asked for
    ordered = sorted(findings, key=lambda f: f.sort_key())  # Finding's order, without loading it at start-up
    info = {c: RuleInfo(c, c) for c in sorted({f.code for f in ordered})}
    info.update(rules or {})
    return module.render(ordered, tool=tool, rules=info, **options)
