"""Logical column types: one spelling per type, parsed from the schema and formatted back.

A logical type is dialect-free ("uuid", "varchar(64)", "timestamptz(6)", "text[]"); each dialect's
``types.py`` maps it to and from its native names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# canonical name -> (min args, max args)
BASE_TYPES: dict[str, tuple[int, int]] = {
    "text": (0, 0),
    "varchar": (0, 1),
    "char": (0, 1),
    "uuid": (0, 0),
    "boolean": (0, 0),
    "smallint": (0, 0),
    "integer": (0, 0),
    "bigint": (0, 0),
    "numeric": (0, 2),
    "real": (0, 0),
    "double precision": (0, 0),
    "date": (0, 0),
    "time": (0, 1),
    "timestamp": (0, 1),
    "timestamptz": (0, 1),
    "interval": (0, 0),
    "json": (0, 0),
    "jsonb": (0, 0),
    "bytea": (0, 0),
    "inet": (0, 0),
    "serial": (0, 0),
    "bigserial": (0, 0),
}

ALIASES: dict[str, str] = {
    "int": "integer",
    "int4": "integer",
    "int8": "bigint",
    "int2": "smallint",
    "bool": "boolean",
    "character varying": "varchar",
    "character": "char",
    "decimal": "numeric",
    "float8": "double precision",
    "float4": "real",
    "float": "double precision",
    "timestamp with time zone": "timestamptz",
    "timestamp without time zone": "timestamp",
    "time without time zone": "time",
    "serial4": "serial",
    "serial8": "bigserial",
}

_TYPE_RE = re.compile(r"^\s*([a-z][a-z0-9 ]*?)\s*(?:\(\s*([0-9 ,]*)\s*\))?\s*((?:\[\])*)\s*$")


@dataclass(frozen=True)
class LogicalType:
    base: str
    args: tuple[int, ...] = ()
    array_dims: int = 0

    @property
    def is_array(self) -> bool:
        return self.array_dims > 0

    @property
    def element(self) -> LogicalType:
        return LogicalType(self.base, self.args)

    @property
    def is_text_like(self) -> bool:
        return not self.is_array and self.base in ("text", "varchar", "char")

    @property
    def is_temporal(self) -> bool:
        return self.base in ("date", "time", "timestamp", "timestamptz")

    @property
    def is_numeric(self) -> bool:
        return self.base in ("smallint", "integer", "bigint", "numeric", "real", "double precision",
                             "serial", "bigserial")

    def format(self) -> str:
        out = self.base
        if self.args:
            out += "(" + ",".join(str(a) for a in self.args) + ")"
        return out + "[]" * self.array_dims

    def __str__(self) -> str:
        return self.format()


class TypeError_(ValueError):
    """A type spec that is not a known logical type."""


@lru_cache(maxsize=4096)
def parse_type(spec: str) -> LogicalType:
    """Parse a logical type spec; raise ``TypeError_`` with a hint on anything unknown (cached: specs repeat)."""
    if not isinstance(spec, str) or not spec.strip():
        raise TypeError_("a type must be a non-empty string such as 'text' or 'varchar(64)'")
    m = _TYPE_RE.match(spec.lower())
    if not m:
        raise TypeError_(f"cannot read type {spec!r}; write it like 'varchar(64)' or 'text[]'")
    name = " ".join(m.group(1).split())
    name = ALIASES.get(name, name)
    if name not in BASE_TYPES:
        raise TypeError_(f"unknown type {spec!r}" + _suggest(name))
    raw_args = m.group(2)
    args: tuple[int, ...] = ()
    if raw_args is not None and raw_args.strip():
        try:
            args = tuple(int(a) for a in raw_args.split(","))
        except ValueError:
            raise TypeError_(f"type {spec!r} has a non-integer argument") from None
    lo, hi = BASE_TYPES[name]
    if not lo <= len(args) <= hi:
        raise TypeError_(f"type {name!r} takes {lo}..{hi} arguments, {spec!r} gives {len(args)}")
    dims = len(m.group(3)) // 2
    return LogicalType(name, args, dims)


def _suggest(name: str) -> str:
    import difflib

    close = difflib.get_close_matches(name, list(BASE_TYPES) + list(ALIASES), n=1)
    known = ", ".join(sorted(BASE_TYPES))
    if close:
        return f"; did you mean {close[0]!r}? (known: {known})"
    return f" (known: {known})"


@dataclass(frozen=True)
class NativeType:
    """What a dialect's ``types.logical`` makes of a native type: the logical type, the native spelling to
    keep as the column's override when the logical type alone would render differently, and the values of
    an inline ENUM. The one answer render, inspect, normalize and ``import`` share."""

    logical: str
    override: str | None = None
    enum: tuple[str, ...] | None = None
    enum_type: tuple[str, str] | None = None  # (namespace, name) of a PostgreSQL native enum type carrying enum
