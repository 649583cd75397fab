"""JSON: ``{"version": 1, "tool": ..., "summary": {...}, "findings": [Finding.to_dict(), ...]}``, stable key order."""

from __future__ import annotations

import json

from ..finding import Finding, Severity


def render(findings: list[Finding], tool: str = "jobschema", rules=None, **_) -> str:
    doc = {
        "version": 1,
        "tool": tool,
        "summary": {"total": len(findings), **{s.value: sum(1 for f in findings if f.severity == s) for s in Severity}},
        "findings": [f.to_dict() for f in findings],
    }
    return json.dumps(doc, indent=2, sort_keys=False, ensure_ascii=False, default=str) + "\n"
