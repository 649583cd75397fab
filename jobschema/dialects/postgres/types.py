"""Logical ↔ PostgreSQL type names: the one map, both directions (the logical spellings are PostgreSQL's
canonical ones).

``native`` is what the renderer writes; ``logical`` reads a native type back, as ``format_type()``
prints it (inspect) or as an author wrote it (``import``), so both give one answer for one column. A
type the logical types cannot name keeps its native spelling, in ``format_type()``'s words, as the
column's override.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...model.types import NativeType, TypeError_, parse_type


def native(spec: str) -> str:
    """The PostgreSQL spelling of a logical type."""
    return parse_type(spec).format()


_ZONE = re.compile(r"^(timestamp|time)(\(\d+\))? with(out)? time zone$")
# author's spellings → format_type()'s, for the types the logical names do not cover
_SPELLING = [
    (re.compile(r"^timetz(\(\d+\))?$"), r"time\1 with time zone"),
    (re.compile(r"^varbit(?=\(|$)"), "bit varying"),
    (re.compile(r"^bit$"), "bit(1)"),
    (re.compile(r"^(char|character|bpchar)$"), "character(1)"),
    (re.compile(r"^character varying"), "varchar"),
    (re.compile(r"^character(?=\()"), "char"),
    (re.compile(r"^bpchar(?=\()"), "char"),
    (re.compile(r"^float\(([1-9]|1\d|2[0-4])\)$"), "real"),
    (re.compile(r"^float\((2[5-9]|3\d|4\d|5[0-3])\)$"), "double precision"),
    (re.compile(r"^decimal(?=\(|$)"), "numeric"),
]


@lru_cache(maxsize=4096)
def enum_values_kept(values: tuple[str, ...]) -> bool:
    """Whether an enum column keeps these values apart: a CHECK or enum type compares them exactly."""
    return True


@lru_cache(maxsize=4096)  # a catalog repeats a few dozen type names over thousands of columns
def logical(native_type: str) -> NativeType:
    """A native PostgreSQL type (``character varying(64)``, ``int8``, ``timestamp(3) with time zone``,
    ``integer ARRAY``) as a logical type; anything else (``money``, ``time with time zone``, a user type)
    is ``text`` with the native spelling as the override."""
    spelled = " ".join(native_type.split())
    if '"' in spelled:  # a quoted user type: its name is exact
        return NativeType("text", spelled)
    t = re.sub(r"\s*\(\s*", "(", re.sub(r"\s*([),])", r"\1", re.sub(r",\s*", ",", spelled.lower())))
    t = re.sub(r"\s+array(\[\d*\])?$", "[]", t)
    dims = 0
    while t.endswith("[]"):
        t, dims = t[:-2], dims + 1
    m = _ZONE.match(t)
    if m:
        kind, prec, without = m.group(1), m.group(2) or "", m.group(3)
        if without:
            t = f"{kind}{prec}"
        elif kind == "timestamp":
            t = f"timestamptz{prec}"
    for pattern, repl in _SPELLING:
        t = pattern.sub(repl, t)
    spec = t + "[]" * min(dims, 1)  # PostgreSQL does not enforce array dimensions and prints one []
    try:
        return NativeType(parse_type(spec).format())
    except TypeError_:
        return NativeType("text", spec)
