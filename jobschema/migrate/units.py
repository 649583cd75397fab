"""The units of a fix migration, read back from its ``-- jobschema:step`` lines.

``plan.steps.Unit`` writes one such line above each unit: its number, transaction (``own``, ``batches``,
``none``, ``session``), lock, whether it scans or rewrites the table, its tables and, for batches, the key.
The line is a comment, so the file stays plain SQL for ``psql -f``; ``migrate`` runs the file unit by unit.
A line counts only between statements (never inside one), and the numbers must run 1, 2, 3…
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..names import STEP_DIRECTIVE
from ..statement import Statement
from .failures import MigrateRefused

_LINE = re.compile(rf"^\s*--\s*{re.escape(STEP_DIRECTIVE)}\s+(\d+)\s*(.*?)\s*$")
_ATTR = re.compile(r"(\w+)=(.*?)(?=\s+\w+=|$)")
TX = ("own", "batches", "none", "session")


@dataclass(frozen=True)
class RunUnit:
    number: int
    attrs: dict
    statements: tuple[Statement, ...]
    line: int  # the line of its ``-- jobschema:step`` comment

    @property
    def tx(self) -> str:
        return self.attrs.get("tx", "own")

    @property
    def key(self) -> str | None:
        return self.attrs.get("key")

    @property
    def lock(self) -> str:
        return self.attrs.get("lock", "none")

    @property
    def tables(self) -> list[str]:
        return [t for t in self.attrs.get("table", "").split(",") if t]


def read(text: str, statements: list[Statement], where: str) -> list[RunUnit] | None:
    """The file's units, or ``None`` for a file without step lines (it runs as a whole, as before)."""
    marks = [(n, m) for n, line in enumerate(text.splitlines(), 1) if (m := _LINE.match(line))]
    if not marks:
        return None
    inside = [n for n, _ in marks if any(st.line < n <= st.end_line for st in statements)]
    marks = [(n, m) for n, m in marks if n not in inside]
    units: list[RunUnit] = []
    for i, (n, m) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else None
        mine = tuple(st for st in statements if st.line > n and (end is None or st.line < end))
        attrs = {k: v.strip() for k, v in _ATTR.findall(m.group(2))}
        number = int(m.group(1))
        if number != i + 1:
            raise MigrateRefused(f"{where}:{n}: step {number} follows step {i}; the step lines are numbered "
                                 "1, 2, 3… in the order they run")
        if attrs.get("tx", "own") not in TX:
            raise MigrateRefused(f"{where}:{n}: tx={attrs.get('tx')} is not one of {', '.join(TX)}")
        if not mine:
            raise MigrateRefused(f"{where}:{n}: step {number} has no statement")
        if attrs.get("tx") == "batches" and (len(mine) != 1 or not attrs.get("key")):
            raise MigrateRefused(f"{where}:{n}: a tx=batches step is one UPDATE with key=<primary key column>")
        units.append(RunUnit(number, attrs, mine, n))
    before = [st for st in statements if st.line < marks[0][0]]
    if before:
        raise MigrateRefused(f"{where}:{before[0].line}: a statement before the first step line belongs to no "
                             "step; put it under one")
    return units
