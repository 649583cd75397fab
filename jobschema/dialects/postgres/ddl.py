"""The PostgreSQL answers of the DDL importer (``dialects/ddl_rules.py``): bare names fold to lower case,
unnamed constraints are named as PostgreSQL names them, expressions are kept as written, and pg_dump's psql
meta-commands are taken out before the script is split."""

from __future__ import annotations

import re

from ...model.types import NativeType
from ..base import quote_pg
from ..ddl_rules import DdlRules, Scan, Span
from . import names
from .types import logical

_META_COMMAND = re.compile(r"^[ \t]*\\[A-Za-z!?][^\n]*", re.M)
_NAMEISH = ("word", "qid")


# PostgreSQL syntax sqlglot 30's parser rejects, bridged for it (``DdlRules.bridge``)
def bit_varying(scan: Scan, k: int) -> list[Span]:
    return scan.span(k + 1, k + 1) if scan.is_(k, "BIT", "VARYING") else []


def on_only(scan: Scan, k: int) -> list[Span]:
    """CREATE INDEX ... ON ONLY t."""
    return scan.span(k + 1, k + 1) if scan.first == "CREATE" and scan.is_(k, "ON", "ONLY") else []


def comment_is_null(scan: Scan, k: int) -> list[Span]:
    """COMMENT ON ... IS NULL: sqlglot wants a string; the importer reads NULL from the tokens."""
    last = scan.first == "COMMENT" and k == len(scan.items) - 2 and scan.is_(k, "IS", "NULL")
    return scan.span(k + 1, k + 1, "'  '") if last else []


def qualified_type(scan: Scan, k: int) -> list[Span]:
    """A column typed ``"NS"."T"`` (an enum type in another schema): one quoted name of the same length."""
    items = scan.items
    if scan.table_body and scan.depth[k] == 1 and (scan.punct(k - 1, "(") or scan.punct(k - 1, ",")) \
            and k + 3 < len(items) and items[k].kind in _NAMEISH and items[k + 1].kind in _NAMEISH \
            and scan.punct(k + 2, ".") and items[k + 3].kind in _NAMEISH:
        width = items[k + 3].end - items[k + 1].start + 1
        return scan.span(k + 1, k + 3, '"' + "_" * (width - 2) + '"')
    return []


def index_nulls_distinct(scan: Scan, k: int) -> list[Span]:
    """CREATE INDEX ... NULLS [NOT] DISTINCT (sqlglot falls back to a Command)."""
    if scan.index and scan.depth[k] == 0 and scan.is_(k, "NULLS", "DISTINCT"):
        return scan.span(k, k + 1)
    if scan.index and scan.depth[k] == 0 and scan.is_(k, "NULLS", "NOT", "DISTINCT"):
        return scan.span(k, k + 2)
    return []


class PostgresDdl(DdlRules):
    name = "postgres"
    names = names
    enum_types = True
    pk_name_on_rename = True
    view_security_option = True
    gaps = DdlRules.gaps + (bit_varying, on_only, comment_is_null, qualified_type, index_nulls_distinct)

    def fold(self, word: str) -> str:
        return word.lower()

    def logical_type(self, native: str) -> NativeType:
        return logical(native)

    def quote(self, ident: str) -> str:
        return quote_pg(ident)

    def prepare(self, text: str, skipped) -> str:
        """psql meta-commands (pg_dump's ``\\restrict``/``\\unrestrict``: one line each, no semicolon) are
        for psql: blanked in place, each listed as skipped."""
        def blank(m: re.Match) -> str:
            word = m.group(0).split()[0]
            skipped(m.start(), f"psql meta-command {word} is for psql, not the schema; skipped", m.group(0).strip())
            return " " * len(m.group(0))

        return _META_COMMAND.sub(blank, text)

    def pk_name_after_rename(self, table: str) -> str | None:
        return names.primary_key(table)  # PostgreSQL does not rename the constraint with the table

    def view_fields(self, security: str | None) -> dict:
        return {"security_invoker": security == "INVOKER"} if security else {}


RULES = PostgresDdl()
