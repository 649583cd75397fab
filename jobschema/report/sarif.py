"""SARIF 2.1.0, the format code-scanning services read (GitHub code scanning, Azure DevOps, IDEs).

One run; ``tool.driver.rules`` lists every code that occurs with its title and help; each finding is a
``result`` with a physical location (file, line, column) when it has one and a logical location (the
object path) always.
"""

from __future__ import annotations

import json
from importlib import metadata

from ..finding import Finding, Severity

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _version() -> str:
    try:
        return metadata.version("jobschema")
    except metadata.PackageNotFoundError:  # pragma: no cover
        return "0"


def render(findings: list[Finding], tool: str = "jobschema", rules=None, **_) -> str:
    rules = rules or {}
    codes = sorted({f.code for f in findings})
    index = {c: i for i, c in enumerate(codes)}
    descriptors = []
    for c in codes:
        info = rules.get(c)
        d = {"id": c, "shortDescription": {"text": info.title if info else c}}
        if info is not None and info.name:
            d["name"] = info.name
        if info is not None and info.help:
            d["help"] = {"text": info.help}
            d["fullDescription"] = {"text": info.help}
        if info is not None:
            d["defaultConfiguration"] = {"level": LEVELS.get(Severity(info.default_level), "warning")}
        descriptors.append(d)
    results = []
    for f in findings:
        res: dict = {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": LEVELS[f.severity],
            "message": {"text": f.message + (f" ({f.hint})" if f.hint else "")},
        }
        loc: dict = {"logicalLocations": [{"fullyQualifiedName": f.path, "kind": "object"}]}
        if f.location is not None and f.location.file:
            region = {}
            if f.location.line:
                region["startLine"] = int(f.location.line)
                if f.location.col:
                    region["startColumn"] = int(f.location.col)
            phys: dict = {"artifactLocation": {"uri": f.location.file.replace("\\", "/")}}
            if region:
                phys["region"] = region
            loc["physicalLocation"] = phys
        res["locations"] = [loc]
        related = [r for r in f.related if r.file]
        if related:
            res["relatedLocations"] = [
                {"id": i, "physicalLocation": {"artifactLocation": {"uri": r.file.replace("\\", "/")},
                                               **({"region": {"startLine": int(r.line)}} if r.line else {})},
                 "message": {"text": "definition"}} for i, r in enumerate(related, start=1)]
        props = {k: v for k, v in (("expected", f.expected), ("actual", f.actual), ("module", f.module),
                                   ("path", f.path)) if v is not None}
        if f.data:
            props["data"] = f.data
        res["properties"] = props
        results.append(res)
    doc = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": tool, "version": _version(), "rules": descriptors}},
            "results": results,
            "columnKind": "unicodeCodePoints",
        }],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False, default=str) + "\n"
