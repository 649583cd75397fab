"""A column's ``enum_type``: the PostgreSQL native enum type carrying its ``enum`` values."""

from __future__ import annotations

from dataclasses import replace

from ..model.objects import Column
from ..model.typename import TypeNameError, parse_type_name
from .reader import Reader
from .yaml_source import YDict


def allows_array(d: YDict) -> bool:
    """An enum column may be an array (``text[]``) only of a native enum type."""
    return "enum_type" in d


def read_enum_type(r: Reader, d: YDict, what: str) -> tuple[str | None, str] | None:
    """(namespace or None, name) from ``enum_type: name | namespace.name | "Quoted.Part"``."""
    if "enum_type" not in d or d["enum_type"] is None:
        return None
    text = r.string(d, "enum_type", what)
    if text is None:
        return None
    try:
        out = parse_type_name(text)
    except TypeNameError as exc:
        r.err(d.vpos("enum_type"), f"{what}.enum_type: {exc}", 'write name, namespace.name or "Quoted Name"')
        return None
    if "enum" not in d:
        r.err(d.vpos("enum_type"), f"{what}.enum_type needs the enum values it carries", "add enum: [...]")
    if "enum_check_name" in d:
        r.err(d.kpos("enum_check_name"), f"{what}: enum_check_name names a CHECK, and an enum_type column has none",
              "remove enum_check_name")
    return out


def with_enum_type(col: Column, found: tuple[str | None, str] | None) -> Column:
    if found is None:
        return col
    return replace(col, enum_type=found[1], enum_type_namespace=found[0])


def unqualified(columns, namespace: str) -> tuple[Column, ...]:
    """An enum type qualified with its table's own namespace is the unqualified one (one spelling each)."""
    return tuple(replace(c, enum_type_namespace=None) if c.enum_type_namespace == namespace else c for c in columns)
