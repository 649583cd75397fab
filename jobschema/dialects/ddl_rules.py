"""What the DDL importer asks a dialect: ``DdlRules``, answered by ``dialects/<d>/ddl.py``.

The importer (``load/ddl_read.py`` and its parts) walks statements once for every dialect; where two
dialects read the same words differently (how a bare name folds, what an unnamed constraint is called,
which clauses exist at all, how a DEFAULT or an expression is kept) it asks these questions instead of
testing the dialect's name.
"""

from __future__ import annotations

import re
from types import ModuleType

from ..model.objects import Default, Sql
from ..model.types import NativeType
from .ddl_tokens import Item, Stream

NOW_RE = re.compile(r"^(current_timestamp|now|localtimestamp)(\(\s*\d*\s*\))?$", re.I)


Span = tuple[int, int, "str | None"]  # (start, end inclusive, same-length replacement or None: spaces)


class Scan:
    """A statement's tokens as the bridge reads them: what kind of statement, and the bracket depth at each."""

    def __init__(self, items: list[Item]):
        self.items = items
        self.first = items[0].up if items else ""
        self.table_body = self.first == "CREATE" and any(it.up == "TABLE" for it in items[:8])
        self.index = self.first == "CREATE" and any(it.up == "INDEX" for it in items[:4])
        self.depth, d = [], 0
        for it in items:
            if it.kind == "punct" and it.text in ("(", "["):
                d += 1
            elif it.kind == "punct" and it.text in (")", "]"):
                d -= 1
            self.depth.append(d)

    def is_(self, k: int, *words: str) -> bool:
        return 0 <= k and k + len(words) <= len(self.items) and all(
            self.items[k + j].up == w for j, w in enumerate(words))

    def punct(self, k: int, text: str) -> bool:
        return 0 <= k < len(self.items) and self.items[k].kind == "punct" and self.items[k].text == text

    def span(self, a: int, b: int, replacement: str | None = None) -> list[Span]:
        """Items ``a`` to ``b`` (inclusive) blanked, or replaced by text of the same length."""
        return [(self.items[a].start, self.items[b].end, replacement)]

    def paren_end(self, k: int) -> int:
        """Index of the ')' closing the '(' at ``k`` (the last item when unbalanced)."""
        for j in range(k, len(self.items)):
            if self.punct(j, ")") and self.depth[j] == self.depth[k] - 1:
                return j
        return len(self.items) - 1


_CONSTRAINT_WORDS = (("NO", "INHERIT"), ("NOT", "VALID"), ("NOT", "DEFERRABLE"), ("INITIALLY", "IMMEDIATE"),
                     ("MATCH", "FULL"), ("MATCH", "SIMPLE"), ("MATCH", "PARTIAL"))


def constraint_words(scan: Scan, k: int) -> list[Span]:
    """NO INHERIT, NOT VALID, NOT DEFERRABLE, INITIALLY IMMEDIATE, MATCH FULL|SIMPLE|PARTIAL on a constraint."""
    return [sp for words in _CONSTRAINT_WORDS if scan.is_(k, *words) for sp in scan.span(k, k + len(words) - 1)]


def set_null_columns(scan: Scan, k: int) -> list[Span]:
    """The column list of ON DELETE SET NULL|DEFAULT (cols)."""
    if scan.is_(k, "ON", "DELETE", "SET") and scan.punct(k + 4, "("):
        return scan.span(k + 4, scan.paren_end(k + 4))
    return []


class DdlRules:
    """The defaults are the SQL standard's; each dialect overrides what it does otherwise."""

    name = ""
    names: ModuleType  # the dialect's names.py
    string_names = False  # a string literal may stand for a name ('t' as well as `t`)
    schemas = True  # ``schema.table`` names a schema (False: a database prefix the module does not keep)
    keys_in_table = False  # KEY/INDEX elements inside CREATE TABLE and ALTER TABLE ... ADD
    pk_names = True  # a primary key keeps its constraint name
    enum_types = False  # CREATE TYPE ... AS ENUM gives columns their values
    index_using_before_on = False  # CREATE INDEX name USING BTREE ON t
    prefix_lengths = False  # index column (n) is a prefix length, not a function call
    on_update = False  # a column's ON UPDATE clause
    rename_as = False  # ALTER TABLE t RENAME AS u
    modify_columns = False  # ALTER TABLE ... MODIFY / CHANGE COLUMN
    drop_foreign_key = False  # ALTER TABLE ... DROP FOREIGN KEY name
    drop_index_drops_keys = False  # DROP INDEX ... ON t also drops a unique key (one object there)
    pk_name_on_rename = False  # an unnamed primary key keeps the old table's name when the table is renamed
    view_security_option = False  # a view's security is a WITH (security_invoker=...) option, not SQL SECURITY
    gaps = (constraint_words, set_null_columns)  # the bridge over sqlglot's grammar gaps, one function each

    def fold(self, word: str) -> str:
        """A bare (unquoted) name as the catalog stores it."""
        return word

    def bridge(self, items: list[Item]) -> list[Span]:
        """Spans of the statement to blank (None) or replace, same length, before sqlglot parses it: the
        clauses its grammar lacks (``ddl_ast`` lists them), one function per gap in ``gaps``. The importer
        reads them from the tokens."""
        scan = Scan(items)
        return [sp for k in range(len(items)) for gap in self.gaps for sp in gap(scan, k)]

    def logical_type(self, native: str) -> NativeType:
        """A native type as written, through the dialect's one type map (``types.logical``)."""
        raise NotImplementedError

    def quote(self, ident: str) -> str:
        raise NotImplementedError

    def prepare(self, text: str, skipped) -> str:
        """The script as the statement splitter should see it; ``skipped(offset, word, text)`` lists what is
        taken out. Offsets and lines never move."""
        return text

    def expr(self, text: str) -> Sql:
        """An expression as the model keeps it: PostgreSQL text (plus the dialect's own where it differs)."""
        return Sql(text.strip())

    def default(self, raw: str, native: NativeType, items: list[Item]) -> Default | None:
        """A column DEFAULT as written (``items``: its tokens), for a column of type ``native``."""
        return Default.expr(raw)

    collation_key = "collation"  # the Column field a column's COLLATE goes to

    def collation(self, s: Stream) -> tuple[str | None, str]:
        """After COLLATE: (the collation the column keeps or None, the collation as written)."""
        name = s.ident()
        return name, name

    # what the server calls what the script leaves unnamed: the dialect's ``names.py`` says
    def inline_unique_name(self, table: str, column: str) -> str:
        return self.names.unique(table, (column,))

    def inline_check_name(self, table: str, column: str) -> str:
        return self.names.check(table, column)

    def unique_name(self, table: str, columns: tuple[str, ...]) -> str:
        return self.names.unique(table, columns)

    def check_name(self, t, only_column: str | None) -> str:
        """An unnamed table CHECK of ``t`` (the importer's ``Draft``) on ``only_column`` (None: several)."""
        return self.names.check(t.name, only_column)

    def fk_name(self, t, columns: tuple[str, ...]) -> str:
        return self.names.foreign_key(t.name, columns)

    def pk_name_after_rename(self, table: str) -> str | None:
        return None

    def view_fields(self, security: str | None) -> dict:
        """The View fields a ``SQL SECURITY``/``security_invoker`` setting becomes."""
        return {}

    def finish_table(self, t, drop_note) -> None:
        """Last look at a table once every script is read (``drop_note(prefix)`` withdraws a note)."""
