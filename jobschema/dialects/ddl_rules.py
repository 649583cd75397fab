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


_BLANKED = (("NO", "INHERIT"), ("NOT", "VALID"), ("NOT", "DEFERRABLE"), ("INITIALLY", "IMMEDIATE"),
            ("MATCH", "FULL"), ("MATCH", "SIMPLE"), ("MATCH", "PARTIAL"))
_NAMEISH = ("word", "qid")


def _is(items: list[Item], k: int, *words: str) -> bool:
    return k + len(words) <= len(items) and all(items[k + j].up == w for j, w in enumerate(words))


def _is_punct(items: list[Item], k: int, text: str) -> bool:
    return 0 <= k < len(items) and items[k].kind == "punct" and items[k].text == text


def _paren_end(items: list[Item], k: int) -> int:
    """Index of the ')' closing the '(' at ``k`` (the last item when unbalanced)."""
    depth = 0
    for j in range(k, len(items)):
        if items[j].kind == "punct" and items[j].text in ("(", "["):
            depth += 1
        elif items[j].kind == "punct" and items[j].text in (")", "]"):
            depth -= 1
            if depth == 0:
                return j
    return len(items) - 1


def bridge_gaps(items: list[Item]) -> list[tuple[int, int, str | None]]:
    """The clauses sqlglot 30 cannot parse in statements the servers accept, as spans to blank or replace."""
    spans: list[tuple[int, int, str | None]] = []
    first = items[0].up if items else ""
    table_body = first == "CREATE" and any(it.up == "TABLE" for it in items[:8])
    index = first == "CREATE" and any(it.up == "INDEX" for it in items[:4])
    depth = 0
    for k, it in enumerate(items):
        if it.kind == "punct" and it.text in ("(", "["):
            depth += 1
        elif it.kind == "punct" and it.text in (")", "]"):
            depth -= 1
        for words in _BLANKED:
            if _is(items, k, *words):
                spans.append((it.start, items[k + len(words) - 1].end, None))
        if _is(items, k, "ON", "DELETE", "SET") and k + 4 < len(items) and _is_punct(items, k + 4, "("):
            spans.append((items[k + 4].start, items[_paren_end(items, k + 4)].end, None))  # SET NULL (cols)
        if it.up == "VISIBLE" and k >= 2 and items[k - 1].kind in ("word", "qid", "num", "punct") \
                and not _is_punct(items, k - 1, ",") and not _is_punct(items, k - 1, "(") \
                and ((table_body and depth == 1) or (first == "ALTER" and depth == 0)):
            spans.append((it.start, it.end, None))  # MySQL's column VISIBLE
        if it.up == "BIT" and _is(items, k + 1, "VARYING"):
            spans.append((items[k + 1].start, items[k + 1].end, None))
        if it.up == "USING" and k >= 2 and k + 2 < len(items) and (items[k + 2].up == "ON" or _is_punct(
                items, k + 2, "(")) and (items[k - 1].up in ("KEY", "INDEX") or items[k - 2].up in ("KEY", "INDEX")):
            spans.append((it.start, items[k + 1].end, None))  # MySQL: KEY [name] USING BTREE (...), INDEX i USING x ON
        if index and depth == 0 and _is(items, k, "NULLS") and (_is(items, k + 1, "DISTINCT") or _is(
                items, k + 1, "NOT", "DISTINCT")):
            spans.append((it.start, items[k + (2 if items[k + 1].up == "DISTINCT" else 3) - 1].end, None))
        if index and depth == 0 and it.up == "USING" and _is_punct(items, k - 1, ")") and k + 1 < len(items):
            spans.append((it.start, items[k + 1].end, None))  # MySQL: USING BTREE after the key list
        if first == "CREATE" and _is(items, k, "ON", "ONLY"):
            spans.append((items[k + 1].start, items[k + 1].end, None))
        if first == "ALTER" and _is(items, k, "RENAME", "AS"):
            spans.append((items[k + 1].start, items[k + 1].end, "TO"))
        if first == "COMMENT" and k == len(items) - 2 and _is(items, k, "IS", "NULL"):
            spans.append((items[k + 1].start, items[k + 1].end, "'  '"))
        if table_body and depth == 1 and (_is_punct(items, k - 1, "(") or _is_punct(items, k - 1, ",")) \
                and it.kind in _NAMEISH and k + 3 < len(items) and items[k + 1].kind in _NAMEISH \
                and _is_punct(items, k + 2, ".") and items[k + 3].kind in _NAMEISH:
            a, b = items[k + 1].start, items[k + 3].end  # a schema-qualified column type: one quoted name
            spans.append((a, b, '"' + "_" * (b - a - 1) + '"'))
    return spans


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

    def fold(self, word: str) -> str:
        """A bare (unquoted) name as the catalog stores it."""
        return word

    def bridge(self, items: list[Item]) -> list[tuple[int, int, str | None]]:
        """Spans of the statement to blank (None) or replace, same length, before sqlglot parses it: the
        clauses its grammar lacks (``ddl_ast`` lists them). The importer reads them from the tokens."""
        return bridge_gaps(items)

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
