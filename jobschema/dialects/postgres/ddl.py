"""The PostgreSQL answers of the DDL importer (``dialects/ddl_rules.py``): bare names fold to lower case,
unnamed constraints are named as PostgreSQL names them, expressions are kept as written, and pg_dump's psql
meta-commands are taken out before the script is split."""

from __future__ import annotations

import re

from ...model.types import NativeType
from ..base import quote_pg
from ..ddl_rules import DdlRules
from . import names
from .types import logical

_META_COMMAND = re.compile(r"^[ \t]*\\[A-Za-z!?][^\n]*", re.M)


class PostgresDdl(DdlRules):
    name = "postgres"
    names = names
    enum_types = True
    pk_name_on_rename = True

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
