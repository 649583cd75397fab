"""Which dialects can do what: rules ask the dialect registry for a capability instead of testing a
dialect's name, so a new dialect folder is linted by what it declares."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields

from ..dialects import base as dialects

SOURCE = dialects.DEFAULT  # the dialect schema expressions, policies and view files are written in


def having(flag: str, among: Iterable[str] | None = None) -> tuple[str, ...]:
    """The dialects (of ``among``, default every registered one) whose ``Capabilities.<flag>`` is set."""
    names = dialects.names() if among is None else tuple(among)
    return tuple(n for n in names if dialects.canonical(n) and getattr(dialects.get(n).capabilities, flag))


def known(flag: str) -> bool:
    """Whether ``flag`` names a capability dialects declare (a rule's ``needs`` is checked at import)."""
    return flag in {f.name for f in fields(dialects.Capabilities)}


def split(dialect: str, text: str):
    """The statements of ``text`` as the dialect's splitter (the one ``migrate`` runs) cuts them."""
    return dialects.spelled_in(dialect).split(text)
