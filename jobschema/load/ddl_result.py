"""What an ``import`` of DDL scripts returns: the module, and everything it did not represent, each with
the ``file:line`` it came from."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.objects import Module


@dataclass(frozen=True)
class Note:
    """Something not represented in the model, where it was written, and (for whole statements) its text."""

    location: str
    message: str
    statement: str | None = None

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


@dataclass
class ImportResult:
    module: Module
    notes: list[Note] = field(default_factory=list)  # clauses not represented
    unmanaged: list[Note] = field(default_factory=list)  # whole statements kept verbatim
    skipped: list[Note] = field(default_factory=list)  # session/transaction statements with no schema meaning

    def unmanaged_sql(self, dialect: str) -> str | None:
        """The statements kept verbatim, each under a ``-- file:line: reason`` line; None when there are none."""
        if not self.unmanaged and not self.notes:
            return None
        lines = [f"-- Statements and clauses of the imported scripts that jobschema does not manage ({dialect}).",
                 "-- jobschema neither generates nor audits them; apply them yourself where you still need them.",
                 ""]
        for n in self.notes:
            lines.append(f"-- not represented: {one_line(str(n))}")
        if self.notes:
            lines.append("")
        for n in self.unmanaged:
            lines.append(f"-- {one_line(str(n))}")
            lines.append((n.statement or "").rstrip().rstrip(";") + ";")
            lines.append("")
        return "\n".join(lines).rstrip() + "\n"


def one_line(text: str) -> str:
    return " ".join(text.split())

