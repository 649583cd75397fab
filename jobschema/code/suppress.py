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
from .source import Source, matches
from .uses import Site

COMMENT = re.compile(r"jobschema:ignore\b[ \t]*(?P<rest>.*?)(?:\*/)?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Suppression:
    file: str
    lines: tuple[int, ...]
    codes: tuple[str, ...]
    reason: str


def _known(code: str) -> bool:
    return codes.get(code) is not None and codes.get(code).family == "code" or registry.known_code(code)


def read(src: Source) -> tuple[list[Suppression], list[tuple[Site, str]]]:
    out: list[Suppression] = []
    problems: list[tuple[Site, str]] = []
    for caps in matches(src.lang, "(comment) @c", src.root):
        node = caps["c"][0]
        text = src.text(node)
        m = COMMENT.search(text)
        if not m:
            continue
        parsed = parse_directive(m.group("rest"), _known)
        if isinstance(parsed, str):
            problems.append((src.site(node), parsed.replace("'-- jobschema:ignore JS202 table is empty at this "
                                                           "point'", "'// jobschema:ignore JS401 reason'")))
            continue
        line = node.start_point.row + 1
        alone = src.line_text(line).strip().startswith(text.strip().splitlines()[0])
        lines = (line, line + 1) if alone else (line,)
        out.append(Suppression(src.shown, lines, parsed[0], parsed[1]))
    return out, problems


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
