"""File names for schema objects, shared by the loader (which checks a view file's name against its
``CREATE VIEW``), ``emit`` (which writes the files) and ``docs`` (which links to them)."""

from __future__ import annotations

import re

from ..dialects import base as dialects

_UNSAFE_FILE = re.compile(r"[^A-Za-z0-9_.\-]")


def file_stem(name: str) -> str:
    """A file-name-safe stem (views need their exact name, so callers check ``stem == name`` there)."""
    return _UNSAFE_FILE.sub("_", name) or "_"


def view_file_ok(name: str) -> bool:
    """Whether a view's file can be named exactly like the view (the loader's rule for such names)."""
    return (file_stem(name) == name and ".." not in name and not name.startswith(".")
            and not name.endswith(tuple(f".{d}" for d in dialects.names())))


def view_stem(name: str, used: set[str] = frozenset()) -> str:
    """The file stem of a view: its name where a file can carry it; otherwise a safe stem not in ``used``
    (the loader then takes the name from the file's ``CREATE VIEW``, so ``"Open Jobs"`` keeps its spaces)."""
    if view_file_ok(name):
        return name
    base = re.sub(r"\.+", ".", file_stem(name)).strip(".") or "_"
    stem, n = base + "_", 2
    while stem in used or not view_file_ok(stem):
        stem, n = f"{base}_{n}", n + 1
    return stem
