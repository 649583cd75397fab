"""The names PostgreSQL gives constraints and indexes created without one.

``CREATE TABLE t (a int UNIQUE)`` makes ``t_a_key``; the DDL reader and the renderer must agree with the
server on these, or an import would name objects the catalog then reports under other names. Names are
cut to ``NAMEDATALEN - 1`` bytes as the server cuts them (it also numbers a name that is taken: ``t_a_key1``;
callers that can collide make names unique themselves).
"""

from __future__ import annotations

from collections.abc import Sequence

MAX_NAME_BYTES = 63  # NAMEDATALEN - 1


def truncate(name: str) -> str:
    """``name`` cut to what the server keeps, never in the middle of a UTF-8 character."""
    return name.encode("utf-8")[:MAX_NAME_BYTES].decode("utf-8", "ignore")


def primary_key(table: str) -> str:
    return truncate(f"{table}_pkey")


def unique(table: str, columns: Sequence[str]) -> str:
    return truncate(f"{table}_{'_'.join(columns)}_key")


def check(table: str, column: str | None = None, ordinal: int = 1) -> str:
    """A CHECK is named after the one column it reads (``t_a_check``), or ``t_check`` otherwise."""
    return truncate(f"{table}_{column}_check" if column else f"{table}_check")


def foreign_key(table: str, columns: Sequence[str], ordinal: int = 1) -> str:
    return truncate(f"{table}_{'_'.join(columns)}_fkey")


def index(table: str, columns: Sequence[str | None]) -> str:
    """An index is named after its key columns; an expression key counts as ``expr``."""
    return truncate(f"{table}_{'_'.join(c or 'expr' for c in columns)}_idx")


CATALOG_NAMESPACES = frozenset({"pg_catalog", "information_schema"})


def is_catalog(table: str) -> bool:
    """``table`` (as a query names it, perhaps qualified) is the server's own: a system catalog or view
    (``pg_class``, ``information_schema.tables``, ``pg_temp.x``), which no schema module defines."""
    namespace, _, name = table.lower().rpartition(".")
    if namespace:
        return namespace in CATALOG_NAMESPACES or namespace.startswith("pg_temp") or namespace.startswith("pg_toast")
    return name.startswith("pg_")  # pg_catalog is searched first
