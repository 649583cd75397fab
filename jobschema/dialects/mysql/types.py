"""Logical ↔ MySQL/MariaDB type names.

``native`` is used by the renderer and by the audit to know what a desired column should look like
live; ``key_width`` decides when a text column must become VARCHAR because MySQL cannot index TEXT.
"""

from __future__ import annotations

from ...model.types import LogicalType, parse_type

KEY_TEXT = "varchar(255)"  # an indexed, unique or key text column without an explicit length

_SIMPLE = {
    "text": "text",
    "uuid": "char(36)",
    "boolean": "tinyint(1)",
    "smallint": "smallint",
    "integer": "int",
    "bigint": "bigint",
    "real": "float",
    "double precision": "double",
    "date": "date",
    "json": "json",
    "jsonb": "json",
    "bytea": "longblob",
    "inet": "varchar(45)",
    "serial": "int",
    "bigserial": "bigint",
    "interval": "varchar(64)",
}


def native(spec: str, keyed: bool = False) -> str:
    """MySQL type for a logical type; ``keyed`` text columns become VARCHAR so they can be indexed."""
    t = parse_type(spec)
    return native_of(t, keyed)


def native_of(t: LogicalType, keyed: bool = False) -> str:
    if t.is_array:
        return "json"
    b = t.base
    if b == "text":
        return KEY_TEXT if keyed else "text"
    if b in ("varchar", "char"):
        return f"{b}({t.args[0] if t.args else (255 if b == 'varchar' else 1)})"
    if b == "numeric":
        return "decimal(" + ",".join(str(a) for a in (t.args or (10, 0))) + ")"
    if b == "timestamptz":
        return f"datetime({t.args[0] if t.args else 6})"
    if b in ("timestamp", "time"):
        p = t.args[0] if t.args else (6 if b == "timestamp" else 0)
        name = "datetime" if b == "timestamp" else "time"
        return f"{name}({p})" if p else name
    return _SIMPLE[b]


def precision(spec: str) -> int | None:
    """Fractional-second precision the MySQL column gets (for CURRENT_TIMESTAMP(n) defaults)."""
    t = parse_type(spec)
    if t.is_array:
        return None
    if t.base == "timestamptz":
        return t.args[0] if t.args else 6
    if t.base in ("timestamp", "time"):
        return t.args[0] if t.args else (6 if t.base == "timestamp" else 0)
    return None
