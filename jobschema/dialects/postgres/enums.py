"""PostgreSQL native enum types: read back from the catalog as ``enum`` + ``enum_type`` columns, and compared.

A column typed with a native enum is, in the model, a text column (``text[]`` for an array) whose ``enum``
lists the type's labels in their sort order and whose ``enum_type`` names the type; a text column with an
enum CHECK has no ``enum_type``. The type's labels and their order are part of the column's type, so a
label added, dropped or moved — and a switch between a CHECK and a native type — is a column type change.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...model.objects import Column
from ..base import literal_pg, quote_pg


def by_column(rows) -> dict[tuple[str, str, str], dict]:
    """The ``enums`` query's rows keyed by (namespace, table, column)."""
    return {(r["namespace"], r["table_name"], r["name"]): r for r in rows}


def as_enum_column(col: Column, row: dict | None, table_namespace: str) -> Column:
    """The live column as the model spells a native enum column (unchanged when ``row`` is None)."""
    if row is None:
        return col
    ns = row["type_namespace"]
    return replace(col, type="text[]" if row["is_array"] else "text", enum=tuple(row["labels"] or ()),
                   enum_type=row["type_name"], enum_type_namespace=None if ns == table_namespace else ns)


def type_name(col: Column) -> str:
    """The column's enum type as SQL names it; unqualified when it lives in the table's namespace."""
    assert col.enum_type is not None
    name = quote_pg(col.enum_type)
    return name if col.enum_type_namespace is None else f"{quote_pg(col.enum_type_namespace)}.{name}"


def type_key(col: Column) -> str | None:
    """The canonical native type of a native enum column: the type's name, its labels in order and the
    array brackets, so that any label change is a type change; None for other columns. Both sides leave
    the namespace out when it is the table's (the loader and the inspector see to it)."""
    if col.enum_type is None:
        return None
    labels = ", ".join(literal_pg(v) for v in col.enum or ())
    return f"{type_name(col)} enum({labels})" + "[]" * col.type.count("[]")


def values_delta(desired: Column, live: Column) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(labels the live type lacks, labels it has beyond the schema's) when either side is a native enum
    with values on both sides; None otherwise (a text + CHECK enum on both sides compares as a CHECK)."""
    if desired.enum is None or (desired.enum_type is None and live.enum_type is None):
        return None
    if live.enum_type is None:  # text (+ a CHECK, compared as a CHECK): no label list to compare with
        return (), ()
    live_values = live.enum or ()
    missing = tuple(v for v in desired.enum if v not in live_values)
    extra = tuple(v for v in live_values if v not in desired.enum)
    return missing, extra


def reordered(desired: Column, live: Column) -> bool:
    """Same labels on both native types, another order (enum values sort by position)."""
    if desired.enum is None or live.enum is None or desired.enum_type is None or live.enum_type is None:
        return False
    common_d = [v for v in desired.enum if v in live.enum]
    common_l = [v for v in live.enum if v in desired.enum]
    return common_d != common_l


_NAME = r'(?:"(?:[^"]|"")*"|[\w$]+)'
_LABEL_CAST = re.compile(rf"^\s*('(?:[^']|'')*')\s*::\s*{_NAME}(?:\s*\.\s*{_NAME})?\s*$")


def strip_label_cast(text: str) -> str:
    """``'queued'::job_status`` (how the server prints an enum column's default) → ``'queued'``: the cast to
    the column's own type says nothing, and sqlglot does not read every quoted, qualified type name."""
    m = _LABEL_CAST.match(text)
    return m.group(1) if m else text
