"""Every finding code, audit and lint alike, claimed once in one table: a second claim fails at import.

Families by prefix: JS0xx suppressions, JS1xx schema rules (tables and modules), JS2xx migration rules
(``lint.registry`` claims them for its rule classes, retired aliases included), JS3xx audit findings
(``diff.findings``), JS4xx application-code findings (``code.rules``). A code is never reused for another
meaning once released.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CODE_RE = re.compile(r"^JS\d{3}$")
FAMILIES = {"suppression": "JS0", "table": "JS1", "module": "JS1", "migration": "JS2", "audit": "JS3", "code": "JS4"}


class CodeError(Exception):
    """A code claimed wrongly (twice, malformed, outside its family): a programming error, raised at import."""


@dataclass(frozen=True)
class Code:
    code: str
    title: str
    family: str  # a key of FAMILIES
    owner: str  # who claimed it, for the message when someone claims it again


_CODES: dict[str, Code] = {}


def problem(code: str, family: str, owner: str) -> str | None:
    """Why ``owner`` cannot claim ``code`` (malformed, of another family, taken), or None."""
    if not CODE_RE.match(code):
        return f"{owner}: code {code!r} is not JSnnn"
    if family not in FAMILIES:
        return f"{owner}: unknown code family {family!r}"
    if not code.startswith(FAMILIES[family]):
        return f"{owner}: {family} codes are {FAMILIES[family]}xx, not {code}"
    taken = _CODES.get(code)
    if taken is not None:
        return f"{owner}: code {code} is already claimed by {taken.owner}"
    return None


def claim(code: str, title: str, family: str, owner: str) -> str:
    """Claim ``code`` for ``owner``; ``CodeError`` with the ``problem`` when it cannot."""
    why = problem(code, family, owner)
    if why:
        raise CodeError(why)
    _CODES[code] = Code(code, title, family, owner)
    return code


def get(code: str) -> Code | None:
    return _CODES.get(code.upper())


def of_family(family: str) -> dict[str, Code]:
    """The claimed codes of one family, by code, in code order."""
    return {c: _CODES[c] for c in sorted(_CODES) if _CODES[c].family == family}
