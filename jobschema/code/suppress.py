"""Suppressions in application code: ``// jobschema:ignore JS401 reason`` (``#`` in Python) on the line of
the finding or alone on the line above it. Read by the lint's own parser (``lint/suppress.py``), so a
reason is required here too; an unusable comment suppresses nothing and is reported as JS001."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import codes
from ..finding import Finding
from ..lint import registry
from ..lint.suppress import parse_directive
from .source import Source

COMMENT = re.compile(r"jobschema:ignore\b[ \t]*(?P<rest>.*?)(?:\*/)?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Suppression:
    file: str
    lines: tuple[int, ...]
    codes: tuple[str, ...]
    reason: str


def _known(code: str) -> bool:
    return codes.get(code) is not None and codes.get(code).family == "code" or registry.known_code(code)


PATTERN = '((comment) @c (#match? @c "jobschema:ignore"))'  # the extractors run it with their own patterns


def read_comment(src: Source, node, out) -> None:
    """Add the suppression a ``jobschema:ignore`` comment makes to ``out`` (a ``uses.Extraction``), or the
    reason it suppresses nothing to ``out.problems``."""
    text = src.text(node)
    m = COMMENT.search(text)
    if not m:
        return
    parsed = parse_directive(m.group("rest"), _known)
    if isinstance(parsed, str):
        out.problems.append((src.site(node), parsed.replace("'-- jobschema:ignore JS202 table is empty at this "
                                                            "point'", "'// jobschema:ignore JS401 reason'")))
        return
    line = node.start_point.row + 1
    alone = src.line_text(line).strip().startswith(text.strip().splitlines()[0])
    out.suppressions.append(Suppression(src.shown, (line, line + 1) if alone else (line,), parsed[0], parsed[1]))


def apply(findings: list[Finding], sups: list[Suppression]) -> list[Finding]:
    by_line: dict[tuple[str, int], set[str]] = {}
    for s in sups:
        for line in s.lines:
            by_line.setdefault((s.file, line), set()).update(s.codes)
    kept = []
    for f in findings:
        loc = f.location
        if loc is not None and loc.file and f.code in by_line.get((loc.file, loc.line or 0), ()):
            continue
        kept.append(f)
    return kept
