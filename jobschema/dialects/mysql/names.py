"""The names MySQL and MariaDB give constraints and indexes created without one.

An unnamed unique key or index is named after its first column, a foreign key ``<table>_ibfk_<n>``, a
table-level CHECK ``CONSTRAINT_<n>`` on MariaDB (``<table>_chk_<n>`` on MySQL 8) and a column-level CHECK
after its column on MariaDB; the primary key is always ``PRIMARY``. The same functions as
``dialects/postgres/names.py``; ``ordinal`` is the object's number among the table's unnamed ones.
"""

from __future__ import annotations

from collections.abc import Sequence

PRIMARY = "PRIMARY"


def truncate(name: str) -> str:
    """MySQL refuses names over 64 characters instead of cutting them: nothing to cut."""
    return name


def primary_key(table: str) -> str:
    return PRIMARY


def unique(table: str, columns: Sequence[str]) -> str:
    return columns[0]


def check_prefix(table: str) -> str:
    """What a numbered table-level CHECK name starts with (the server takes one above the largest)."""
    return "CONSTRAINT_"


def foreign_key_prefix(table: str) -> str:
    return f"{table}_ibfk_"


def check(table: str, column: str | None = None, ordinal: int = 1) -> str:
    """A column-level CHECK (``column`` given) is named after its column, a table-level one numbered
    (MariaDB's spelling; see ``version.ServerVersion.names_inline_checks_after_column``)."""
    return column if column else f"{check_prefix(table)}{ordinal}"


def foreign_key(table: str, columns: Sequence[str], ordinal: int = 1) -> str:
    return f"{foreign_key_prefix(table)}{ordinal}"


def index(table: str, columns: Sequence[str | None]) -> str:
    return next((c for c in columns if c), "idx")


CATALOG_NAMESPACES = frozenset({"information_schema", "mysql", "performance_schema", "sys"})


def is_catalog(table: str) -> bool:
    """``table`` (as a query names it, perhaps qualified) is the server's own: a table of its system
    databases (``information_schema.TABLES``, ``mysql.user``), which no schema module defines."""
    namespace, _, _name = table.lower().rpartition(".")
    return namespace in CATALOG_NAMESPACES
