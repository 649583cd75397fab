"""Logical ↔ PostgreSQL type names (the logical spellings are PostgreSQL's canonical ones)."""

from __future__ import annotations

from ...model.types import parse_type


def native(spec: str) -> str:
    """The PostgreSQL spelling of a logical type."""
    return parse_type(spec).format()
