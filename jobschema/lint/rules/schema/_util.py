"""Small questions several schema rules ask of a table."""

from __future__ import annotations

from dataclasses import dataclass

from ....model import expr as exprmod
from ....model.objects import Index, Origin, Sql, Table
from ....model.types import parse_type
from ...capable import SOURCE


@dataclass(frozen=True)
class Key:
    """A primary key, unique key or index seen the same way: what it is and its leading parts."""

    kind: str  # "primary key" | "unique key" | "index"
    name: str
    parts: tuple[str, ...]  # column names, or "(expr)" labels
    unique: bool
    method: str
    partial: bool
    origin: Origin
    index: Index | None = None


def keys(table: Table) -> list[Key]:
    out = []
    if table.primary_key is not None:
        pk = table.primary_key
        out.append(Key("primary key", pk.name or f"{table.name}_pkey", pk.columns, True, "btree", False,
                       pk.origin))
    for u in table.uniques:
        out.append(Key("unique key", u.name, u.columns, True, "btree", False, u.origin))
    for ix in table.indexes:
        out.append(Key("index", ix.name, tuple(p.label for p in ix.parts), ix.unique, ix.method,
                       ix.where is not None, ix.origin, ix))
    return out


def columns_of(sql: Sql | str) -> set[str]:
    """Column names an expression mentions (empty when it does not parse)."""
    text = sql.text if isinstance(sql, Sql) else sql
    try:
        tree = exprmod.parse(text, SOURCE)
    except Exception:
        return set()
    from sqlglot import exp

    return {c.name.lower() for c in tree.find_all(exp.Column) if c.name}


def base_type(type_spec: str) -> str:
    try:
        return parse_type(type_spec).base
    except Exception:
        return type_spec.split("(")[0].strip().lower()


TEXT_TYPES = ("text", "varchar", "char")
