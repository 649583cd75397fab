"""What an inspector returns besides the neutral ``Module``: the objects the schema format cannot
describe (extensions, rules, sequences, types) and the indexes of materialized views.

The live ``Module`` holds every table, view, function and trigger of the inspected namespaces, built
with the same dataclasses the loader uses; ``LiveCatalog`` adds what only a live database has.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .objects import Index, Module, UnmanagedItem

__all__ = ["LiveCatalog", "ProbeResult", "UnmanagedItem"]


@dataclass(frozen=True)
class LiveCatalog:
    module: Module
    dialect: str
    namespaces: tuple[str, ...] = ()  # the namespaces inspected that exist
    extensions: tuple[UnmanagedItem, ...] = ()
    unmanaged: tuple[UnmanagedItem, ...] = ()
    view_indexes: tuple[tuple[str, str, Index], ...] = ()  # (namespace, view, index)
    server_version: str | None = None
    catalog_queries: int = 0
    catalog_connections: int = 1  # the sessions (sharing one snapshot) the queries were sent on
    table_privileges: dict = field(default_factory=dict)  # (namespace, table) -> can SELECT
    database: str | None = None  # where the dialect has no namespaces (MySQL): the database read, for reports
    # what the session's privileges hide (kind "view definition": a view whose query the user may not read):
    # reported as such and left out of the comparison, never taken for drift or for "in sync"
    unreadable: tuple[UnmanagedItem, ...] = ()


@dataclass(frozen=True)
class ProbeResult:
    """Live rows that violate a desired constraint the database lacks or enforces differently.

    ``rows`` is None when the count could not be taken (``error`` says why: privilege, timeout).
    ``values`` lists (value, rows, legacy target or None) for value-set constraints.
    """

    change: object  # the diff.changes.Change the count belongs to
    what: str  # "value" | "null" | "duplicate" | "orphan" | "check" | "rows"
    rows: int | None
    values: tuple[tuple[str, int, str | None], ...] = ()
    error: str | None = None
    detail: str | None = None
