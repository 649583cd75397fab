"""How each planned MySQL/MariaDB statement behaves on a busy table: the algorithm InnoDB uses (INSTANT and
INPLACE leave the rows where they are or rebuild the table while writes go on; COPY copies the table) and
the ``LOCK=`` level it allows concurrent DML at (NONE: reads and writes go on; SHARED: reads only).

The step builders in ``plan.py`` decide the algorithm from the change (``Online`` below, after what
MariaDB 10.11 accepts, measured by tests/integration/test_online_migrate.py) and write it into the
statement as ``ALGORITHM=…, LOCK=NONE``, so the server refuses a statement it could only run by copying the
table instead of copying it silently; a COPY step gets no clause and is marked ``rewrites=yes``.
``facts`` below reads the rest from the statement's words. Every DDL statement also takes a short
exclusive metadata lock at its start and end, which ``lock_wait_timeout`` bounds. Data steps run in
primary-key batches."""

from __future__ import annotations

from dataclasses import dataclass

from ...model.objects import Table
from ...plan.steps import Step
from ..online_words import has, primary_key, words

_DATA = ("rewrite_values", "backfill")


@dataclass(frozen=True)
class Online:
    """The algorithm a statement is written with, and what it does to the rows while it runs."""

    algorithm: str  # INSTANT | INPLACE | COPY
    scans: bool = False  # reads every row (an index build)
    rewrites: bool = False  # rebuilds or copies the table

    @property
    def lock(self) -> str:
        return "SHARED" if self.algorithm == "COPY" else "NONE"

    def alter(self) -> str:
        """The clause an ``ALTER TABLE`` ends with (none for COPY: the server's default)."""
        return "" if self.algorithm == "COPY" else f", ALGORITHM={self.algorithm}, LOCK=NONE"

    def flags(self) -> dict:
        return {"algorithm": self.algorithm, "lock": self.lock, "scans": self.scans, "rewrites": self.rewrites}


INSTANT = Online("INSTANT")  # metadata only
BUILD = Online("INPLACE", scans=True)  # an index built while writes go on
REBUILD = Online("INPLACE", scans=True, rewrites=True)  # the table rebuilt while writes go on
COPY = Online("COPY", rewrites=True)  # the table copied; writes wait


def on_engine(how: Online, engine: str | None) -> Online:
    """``how`` on InnoDB; another engine (MEMORY, MyISAM, Aria) alters a table's keys only by copying it."""
    return how if (engine or "InnoDB").lower() == "innodb" else COPY


def dropping_key(how: Online, table: Table | None, key: str | None) -> Online:
    """``how`` for a statement dropping the live key ``key``, or COPY when that key is what InnoDB clusters a table
    without a primary key on (a UNIQUE key over NOT NULL columns, which MariaDB reads as the primary key and
    refuses to drop in place: "Dropping a primary key is not allowed without also adding a new primary key")."""
    if table is None or key is None or table.primary_key is not None:
        return how
    name = key.lower()
    cols = next((u.columns for u in table.uniques if u.name.lower() == name), None)
    if cols is None:
        cols = next((i.columns for i in table.indexes if i.unique and i.name.lower() == name
                     and all(p.column is not None and p.length is None for p in i.parts)), None)
    nullable = {c.name.lower(): c.nullable for c in table.columns}
    clusters = bool(cols) and all(nullable.get(c.lower()) is False for c in cols)
    return COPY if clusters else how


def varchar_in_place(live: int, desired: int) -> bool:
    """Whether widening VARCHAR(live) to VARCHAR(desired) keeps its length prefix (1 byte up to 255 bytes,
    2 above), which InnoDB needs to widen it instantly; checked for every character width (1-4 bytes), as the
    column's character set is not always known here."""
    return desired >= live and all((live * w <= 255) == (desired * w <= 255) for w in (1, 2, 3, 4))


def enum_in_place(live: tuple, desired: tuple) -> bool:
    """Whether an ENUM change only appends values and keeps its storage size (1 byte up to 255 values)."""
    return tuple(desired[:len(live)]) == tuple(live) and (len(live) <= 255) == (len(desired) <= 255)


def facts(step: Step) -> dict:
    st = step.statement
    ws = words(st.sql, "mysql")
    head = ws[:2]
    c = step.source
    out: dict = {"table": c.table if c is not None and c.table else None}
    if step.phase in ("prelude", "epilogue") and ws and ws[0] in ("SET", "RESET"):
        return {"session": True, "lock": None, "table": None}
    if st.algorithm:  # the builder chose it from the change (and wrote it into the statement)
        return out
    lock, algorithm, scans, rewrites = None, None, False, False
    if ws and ws[0] in ("UPDATE", "INSERT", "DELETE"):
        lock = "NONE"
        if ws[0] == "UPDATE" and step.phase in _DATA and ";" not in st.sql.rstrip().rstrip(";"):
            out["batch_key"] = primary_key(step)
    elif has(head, "ALTER", "TABLE"):
        # not chosen by a builder: say the worst case, a copy of the table that lets reads through only
        lock, algorithm, rewrites = "SHARED", "COPY", True
    elif ws[:1] == ["DROP"] and len(ws) > 1 and ws[1] in ("TABLE", "VIEW", "TRIGGER"):
        lock = "EXCLUSIVE"
    elif ws[:1] == ["CREATE"] and "TRIGGER" in ws[:6]:
        lock = "EXCLUSIVE"
    if lock is None:
        out["table"] = None
    out.update(lock=lock, algorithm=algorithm, scans=scans, rewrites=rewrites)
    return out
