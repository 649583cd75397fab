"""Suppressions: ``lint: {ignore: [CODE], reason: ...}`` on a YAML table, ``-- jobschema:ignore CODE reason``
in SQL (a migration statement, or a whole view or function file of the schema).

An SQL suppression applies to the statement whose lines hold the comment, or else to the next statement
after it. A reason is required in both places: the loader already refuses a YAML ``lint:`` key without
one, and an SQL comment without a reason (or naming an unknown code) suppresses nothing and is itself
reported as JS001.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..finding import Finding
from ..model.objects import Table
from . import registry
from .migration import MigrationFile

IGNORE_RE = re.compile(r"--\s*jobschema:ignore\b[ \t]*(?P<rest>.*)$", re.IGNORECASE)
_CODES_RE = re.compile(r"^(?P<codes>JS\d{3}(?:\s*,\s*JS\d{3})*)\s*(?P<reason>.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class SqlSuppression:
    line: int  # line of the comment
    codes: tuple[str, ...]
    reason: str
    statement_line: int | None  # the statement it applies to


@dataclass(frozen=True)
class Problem:
    """An unusable suppression comment (reported as JS001)."""

    line: int
    message: str


def table_ignores(table: Table) -> frozenset[str]:
    if table.lint is None:
        return frozenset()
    return frozenset(_canonical(c) for c in table.lint.codes)


def _canonical(code: str) -> str:
    try:
        return registry.get(code).code
    except KeyError:
        return code.upper()


def yaml_problems(table: Table) -> list[str]:
    """Codes in a table's ``lint.ignore`` that no rule owns (a typo suppresses nothing)."""
    if table.lint is None:
        return []
    return [c for c in table.lint.codes if not registry.known_code(c)]


def parse_directive(rest: str, known=None) -> tuple[tuple[str, ...], str] | str:
    """What follows ``jobschema:ignore`` in a comment: (codes, reason), or why it suppresses nothing. The
    one reading of a suppression, for SQL files here and application code in ``code/suppress.py``;
    ``known`` tells which codes exist (default: the lint rules)."""
    known = known or registry.known_code
    rest = rest.split(" --", 1)[0].strip()  # a later comment on the line is not the reason
    cm = _CODES_RE.match(rest)
    if not cm:
        return ("jobschema:ignore needs a rule code, e.g. "
                "'-- jobschema:ignore JS202 table is empty at this point'")
    codes = tuple(c.strip().upper() for c in cm.group("codes").split(","))
    reason = cm.group("reason").strip().lstrip(":-— ").strip()
    unknown = [c for c in codes if not known(c)]
    if unknown:
        return f"jobschema:ignore names unknown rule code {unknown[0]}"
    if not reason:
        return f"jobschema:ignore {', '.join(codes)} has no reason; say why the rule does not apply here"
    return codes, reason


def _comment(raw: str, lineno: int) -> tuple[tuple[str, ...], str] | Problem | None:
    """The (codes, reason) of a ``-- jobschema:ignore`` comment on the line, a ``Problem`` when it is
    unusable, or None when the line holds none."""
    m = IGNORE_RE.search(raw)
    if not m or _in_string(raw, m.start()):
        return None
    rest = m.group("rest").split(" --", 1)[0].strip()  # a later comment on the line is not the reason
    cm = _CODES_RE.match(rest)
    if not cm:
        return Problem(lineno, "jobschema:ignore needs a rule code, e.g. "
                               "'-- jobschema:ignore JS202 table is empty at this point'")
    codes = tuple(c.strip().upper() for c in cm.group("codes").split(","))
    reason = cm.group("reason").strip().lstrip(":-— ").strip()
    unknown = [c for c in codes if not registry.known_code(c)]
    if unknown:
        return Problem(lineno, f"jobschema:ignore names unknown rule code {unknown[0]}")
    if not reason:
        return Problem(lineno, f"jobschema:ignore {', '.join(codes)} has no reason; "
                               "say why the rule does not apply here")
    return tuple(_canonical(c) for c in codes), reason


def sql_suppressions(mf: MigrationFile) -> tuple[list[SqlSuppression], list[Problem]]:
    spans = [(s.line, s.end_line) for s in mf.statements]
    out: list[SqlSuppression] = []
    problems: list[Problem] = []
    for lineno, raw in enumerate(mf.text.splitlines(), start=1):
        got = _comment(raw, lineno)
        if got is None:
            continue
        if isinstance(got, Problem):
            problems.append(got)
            continue
        codes, reason = got
        target = None
        for start, end in spans:
            if start <= lineno <= end:
                target = start
                break
            if start > lineno:
                target = start
                break
        out.append(SqlSuppression(lineno, codes, reason, target))
    return out, problems


def file_suppressions(text: str) -> tuple[frozenset[str], list[Problem]]:
    """The codes a view or function file suppresses: a ``-- jobschema:ignore CODE reason`` comment anywhere
    in the file applies to the object the file defines (as ``lint:`` does in a table's YAML)."""
    codes: set[str] = set()
    problems: list[Problem] = []
    for lineno, raw in enumerate(text.splitlines(), start=1):
        got = _comment(raw, lineno)
        if isinstance(got, Problem):
            problems.append(got)
        elif got is not None:
            codes.update(got[0])
    return frozenset(codes), problems


def _in_string(line: str, pos: int) -> bool:
    return line[:pos].count("'") % 2 == 1


def apply_sql(findings: list[Finding], sups: list[SqlSuppression]) -> list[Finding]:
    """Drop findings whose statement carries a suppression for their code."""
    by_stmt: dict[int, set[str]] = {}
    for s in sups:
        if s.statement_line is not None:
            by_stmt.setdefault(s.statement_line, set()).update(s.codes)
    kept = []
    for f in findings:
        stmt_line = f.data.get("statement_line") if f.data else None
        line = stmt_line or (f.location.line if f.location else None)
        if line is not None and f.code in by_stmt.get(line, ()):
            continue
        kept.append(f)
    return kept
