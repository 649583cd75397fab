"""The one shape every audit and lint result takes (a leaf module: every package may import it, it imports none).

A finding carries a stable code, the object path (``module.table.column``), what was expected and what
was found, and where it points (a file:line for schema/migration files, a catalog name for live objects).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True)
class Location:
    file: str | None = None
    line: int | None = None
    col: int | None = None

    def __str__(self) -> str:
        if not self.file:
            return ""
        return self.file + (f":{self.line}" if self.line else "") + (f":{self.col}" if self.line and self.col else "")


@dataclass(frozen=True)
class Finding:
    code: str  # e.g. "JS301" (audit) or "JS101" (lint); never reused once released
    severity: Severity
    path: str  # module.table[.column|.constraint]
    message: str  # one sentence a DBA understands
    expected: str | None = None
    actual: str | None = None
    location: Location | None = None
    hint: str | None = None
    module: str | None = None
    data: dict = field(default_factory=dict)  # machine-readable extras: missing/extra values, row counts
    related: tuple[Location, ...] = ()  # other places the finding concerns (``code``: the schema definition)

    def sort_key(self) -> tuple:
        loc = self.location or Location()
        return (self.module or "", self.path, loc.file or "", loc.line or 0, self.code, self.message)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["severity"] = self.severity.value
        if self.location is None:
            d.pop("location")
        d["related"] = [{k: v for k, v in asdict(r).items() if v is not None} for r in self.related]
        return {k: v for k, v in d.items() if v not in (None, {}, [], ())}


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=Finding.sort_key)
