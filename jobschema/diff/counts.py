"""Row counts → ``Finding``s: how many live rows violate each constraint the schema adds (JS380), or why
they could not be counted (JS381), worded for people ("1 row holds NULL", "2 rows have status 'pending' →
legacy value of 'queued'"). The structural findings are ``findings.py``'s; this is the data half."""

from __future__ import annotations

from .. import codes
from ..finding import Finding, Severity

VIOLATING_ROWS = codes.claim("JS380", "live rows violate a desired constraint", "audit", __name__)
COUNT_FAILED = codes.claim("JS381", "violating rows could not be counted", "audit", __name__)


def quote_value(v) -> str:
    """A value as an SQL string literal, as messages quote it."""
    return "'" + str(v).replace("'", "''") + "'"


_q = quote_value


_WHAT = {"value": "have a value the schema does not allow", "check": "fail the CHECK",
         "null": "hold NULL", "duplicate": "share a key with another row", "orphan": "reference a missing row",
         "rows": "exist and need a value for the new NOT NULL column without a default",
         "enum": "have a value the schema does not allow", "not_null": "hold NULL", "unique": "share a key",
         "foreign_key": "reference a missing row", "primary_key": "break the primary key"}


def _rows(n: int) -> str:
    return f"{n} row{'s' if n != 1 else ''}"


_SINGULAR = {"have": "has", "hold": "holds", "share": "shares", "reference": "references", "fail": "fails",
             "exist and need": "exists and needs", "break": "breaks", "violate": "violates"}


def _verb(n: int, phrase: str) -> str:
    """``phrase`` (plural verb first) agreeing with ``n`` rows: "1 row holds NULL", "2 rows hold NULL"."""
    if n == 1:
        for plural, singular in _SINGULAR.items():
            if phrase == plural or phrase.startswith(plural + " "):
                return singular + phrase[len(plural):]
    return phrase


def probe_findings(results) -> list[Finding]:
    """Findings for violation counts: ``ProbeResult`` (PostgreSQL) or any object with ``path``/``rows``/
    ``values``/``error`` and ``what`` or ``kind`` (the MySQL prober's ``Violation``)."""
    out = []
    for r in results:
        change = getattr(r, "change", None)
        path = change.path if change is not None else r.path
        module = change.module if change is not None else path.split(".", 1)[0]
        what = getattr(r, "what", None) or getattr(r, "kind", "")
        name = (change.name if change is not None else None) or path.rsplit(".", 1)[-1]
        column = getattr(r, "column", None) or getattr(r, "detail", None)
        if r.error is not None or r.rows is None:
            out.append(Finding(code=COUNT_FAILED, severity=Severity.WARNING, path=path, module=module,
                               message=f"could not count rows violating {name}: {r.error}",
                               data={"kind": what, "error": r.error}))
            continue
        if not r.rows:
            continue
        values = [{"value": v, "rows": n, **({"maps_to": m} if m is not None else {})} for v, n, m in r.values]
        if r.values:
            parts = []
            for v, n, m in r.values:
                s = f"{_rows(n)} {'has' if n == 1 else 'have'} {column} {_q(v)}"
                s += f" → legacy value of {_q(m)}" if m is not None else " (no legacy mapping)"
                parts.append(s)
            msg = f"{_rows(r.rows)} {_verb(r.rows, 'violate')} {name}: " + "; ".join(parts)
        else:
            msg = f"{_rows(r.rows)} {_verb(r.rows, _WHAT.get(what, 'violate it'))} ({name})"
        out.append(Finding(code=VIOLATING_ROWS, severity=Severity.ERROR, path=path, module=module, message=msg,
                           actual=_rows(r.rows), data={"kind": what, "rows": r.rows, "values": values}))
    return out
