"""What the extractors find, in no language's terms: the one shape the checker reads.

A ``Use`` is a table the code names, a column it reads or writes, or a value it writes into or filters a
column on, each at the place in the source where the name or the literal itself stands.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


class Site(NamedTuple):
    """A place in an application file: path as shown to the user, 1-based line and column (characters).

    ``Site`` and ``Use`` are named tuples, not dataclasses: a large tree yields hundreds of thousands of
    them, built in worker processes and sent back, and a tuple is several times cheaper to build and pickle."""

    file: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


# kinds of use
TABLE = "table"  # the code names a table (``.from('t')``, ``FROM t``)
READ = "read"  # a column selected or ordered by
WRITE = "write"  # a column inserted or updated, with its value when one is known
FILTER = "filter"  # a column compared with a value (``.eq``, ``WHERE c = 'x'``, a filter object)


class Use(NamedTuple):
    kind: str  # TABLE | READ | WRITE | FILTER
    table: str  # as written: ``batch_jobs`` or ``public.batch_jobs``
    site: Site
    column: str | None = None
    value: str | None = None  # the literal's value; None when no value flows (a read) or it is not a literal
    unresolved: bool = False  # a value flows here but it is not a literal: counted, never guessed
    via: str = ""  # what the code does here, for the message: "insert", "eq", "SQL UPDATE", "filter object"
    candidates: tuple[str, ...] = ()  # other tables an unqualified SQL column may belong to
    symbol: str | None = None  # ``JobStatus.Queued``: an enum member, resolved once every file is read


SYMBOL = "\x00member:"  # marks a value that names an enum member (``values`` in chains.py) until resolved


def value_use(kind: str, table: str, site: Site, column: str | None, value: str, via: str,
              candidates: tuple[str, ...] = ()) -> Use:
    """The use of one value that may flow into ``column``: a literal, or an enum member's name to resolve."""
    if value.startswith(SYMBOL):
        return Use(kind, table, site, column=column, unresolved=True, via=via, candidates=candidates,
                   symbol=value[len(SYMBOL):])
    return Use(kind, table, site, column=column, value=value, via=via, candidates=candidates)


@dataclass(frozen=True)
class ValueSet:
    """A set of values declared in code: a TypeScript string-literal union or enum, a Python Enum or Literal."""

    name: str  # ``BatchJob.status``, ``JobStatus``
    values: tuple[tuple[str, Site], ...]
    site: Site
    kind: str  # "union" | "enum" | "Enum" | "Literal"
    tie: str | None = None  # the column a ``jobschema: table.column`` comment names
    tie_site: Site | None = None
    members: tuple[str, ...] = ()  # an enum's member names, in the order of ``values``


@dataclass(frozen=True)
class Skipped:
    """Something that looked like a use but could not be read (SQL sqlglot cannot parse)."""

    site: Site
    reason: str


@dataclass
class Extraction:
    uses: list[Use] = field(default_factory=list)
    value_sets: list[ValueSet] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    suppressions: list = field(default_factory=list)  # code.suppress.Suppression
    problems: list = field(default_factory=list)  # unusable suppression comments: (Site, message)

    def extend(self, other: Extraction) -> None:
        self.uses += other.uses
        self.value_sets += other.value_sets
        self.skipped += other.skipped
        self.suppressions += other.suppressions
        self.problems += other.problems
