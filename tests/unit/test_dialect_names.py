"""No code outside ``jobschema/dialects/`` tests a dialect's name or lists the dialects: it asks the registry
(``dialects/base.py``) or the dialect object it returns, so a new dialect is a new folder, not edits elsewhere.

The schema format has a ``mysql:`` section (character set, collation, engine) and ``{postgres: ..., mysql: ...}``
expression overrides: those are data keys of the YAML format, not tests of a dialect. They appear as dict keys in
the key tables (``load/keys.py``) and the JSON Schema (``docs/json_schema.py``), which no pattern here looks at,
and are read and written through ``load.keys.MYSQL_SECTION`` and the registry's ``names()``; every other use of a
dialect's name outside ``dialects/`` is one of the shapes below.
"""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "jobschema"
# the dialects' own folder answers for them
OUTSIDE = [p for p in sorted(PACKAGE.rglob("*.py")) if not p.is_relative_to(PACKAGE / "dialects")]

_NAME = r"""["'](?:postgres|postgresql|mysql|mariadb)["']"""
SMELLS = re.compile(
    rf"[!=]=\s*{_NAME}"  # dialect == "postgres", d != 'mysql'
    rf"|{_NAME}\s*[!=]="  # "mysql" == dialect
    rf"|[(\[{{]\s*{_NAME}\s*,\s*{_NAME}"  # ("postgres", "mysql"), ["mysql", "postgres"], {...}
    r"|\bDIALECTS\b"  # a module-level list of the dialects
    rf"|{_NAME}\s+(?:not\s+)?in\b"  # "mysql" in m.dialects
    rf"|\[\s*{_NAME}\s*\]"  # out["mysql"], texts['postgres']
    rf"|\b(?:or|else)\s+{_NAME}|{_NAME}\s+if\b"  # dialect or "postgres", ("postgres" if ... else "mysql")
    rf"|(?:\w*dialect\w*|:\s*str(?:\s*\|\s*None)?)\s*=\s*{_NAME}"  # dialect: str = "postgres", dialect="mysql"
    rf"|\w\([^{{}}\[\]]*,\s*{_NAME}\s*[,)]"  # parse(text, "postgres"): a dialect named as an argument
)


def test_no_dialect_name_test_or_list_outside_dialects():
    assert len(OUTSIDE) > 50  # the walk found the package
    found = [f"{p.relative_to(PACKAGE.parent)}:{n}: {line.strip()}"
             for p in OUTSIDE for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if SMELLS.search(line.split("#", 1)[0] if line.lstrip().startswith("#") else line)]
    assert not found, "ask dialects.base (names(), get(), spelled_in(), DEFAULT, capabilities) instead:\n" + \
        "\n".join(found)


def test_the_pattern_catches_what_it_is_for():
    for smell in ('if dialect == "mysql":', "d != 'postgres'", 'for d in ("postgres", "mysql"):',
                  'choices=["mysql", "postgres"]', "from ..model.objects import DIALECTS",
                  'if "mysql" in m.dialects:', 'if "postgres" not in module.dialects:',
                  'out["mysql"] = mysql', "texts['postgres']",
                  'spelled = dialect or ("postgres" if "WITH" in text else "mysql")',
                  'read = dialect or "postgres"', 'q = v.definition(h.dialect if h else "postgres")',
                  'def parse(text: str, dialect: str = "postgres"):', 'def f(text, dialect="mysql"):',
                  'def f(text, dialect: str | None = "mysql"):', 'r.parse_check(text, "postgres", pos)',
                  'SCHEMES = ("mysql", "mariadb")'):
        assert SMELLS.search(smell), smell
    for fine in ('get("postgres")', 'texts[DEFAULT]', 'override("mysql")', 'if name == PORTABLE:',
                 '"mysql": False, "lint": False}', 'if MYSQL_SECTION not in d:',
                 'TRUSTED = {"service_role", "postgres", "supabase_admin"}', 'read = dialect or DEFAULT'):
        assert not SMELLS.search(fine), fine
