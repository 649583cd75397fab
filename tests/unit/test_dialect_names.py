"""No code outside ``jobschema/dialects/`` tests a dialect's name or lists the dialects: it asks the registry
(``dialects/base.py``) or the dialect object it returns, so a new dialect is a new folder, not edits elsewhere."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "jobschema"
# the dialects' own folder answers for them
OUTSIDE = [p for p in sorted(PACKAGE.rglob("*.py")) if not p.is_relative_to(PACKAGE / "dialects")]

_NAME = r"""["'](?:postgres|mysql)["']"""
SMELLS = re.compile(
    rf"[!=]=\s*{_NAME}"  # dialect == "postgres", d != 'mysql'
    rf"|{_NAME}\s*[!=]="  # "mysql" == dialect
    rf"|[(\[{{]\s*{_NAME}\s*,\s*{_NAME}"  # ("postgres", "mysql"), ["mysql", "postgres"], {...}
    r"|\bDIALECTS\b"  # a module-level list of the dialects
)


def test_no_dialect_name_test_or_list_outside_dialects():
    assert len(OUTSIDE) > 50  # the walk found the package
    found = [f"{p.relative_to(PACKAGE.parent)}:{n}: {line.strip()}"
             for p in OUTSIDE for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if SMELLS.search(line)]
    assert not found, "ask dialects.base (names(), get(), spelled_in(), DEFAULT) instead:\n" + "\n".join(found)


def test_the_pattern_catches_what_it_is_for():
    for smell in ('if dialect == "mysql":', "d != 'postgres'", 'for d in ("postgres", "mysql"):',
                  'choices=["mysql", "postgres"]', "from ..model.objects import DIALECTS"):
        assert SMELLS.search(smell), smell
    for fine in ('get("postgres")', 'texts[DEFAULT]', 'override("mysql")', 'if name == PORTABLE:'):
        assert not SMELLS.search(fine), fine
