"""Algorithmic bounds of the PostgreSQL comparison (counts, not timers): each distinct expression text is
parsed at most once however many tables share it, and a view the server printed back with its own line
breaks is matched without a parse."""

from __future__ import annotations

from dataclasses import replace

import pytest
import sqlglot

from jobschema.dialects.postgres import normalize
from jobschema.dialects.postgres.normalize import HOOKS, same_text_up_to_whitespace
from jobschema.diff.differ import DiffOptions, diff
from jobschema.model import expr as exprmod
from jobschema.model.live import LiveCatalog
from jobschema.model.objects import (
    Check,
    Column,
    Index,
    IndexPart,
    Module,
    Policy,
    PrimaryKey,
    Rls,
    Sql,
    Table,
    View,
)

DESIRED_TEXTS = ("a + b <= 10", "status = 'queued'", "status = current_setting('app.s', true)")
LIVE_TEXTS = ("((a + b) <= 10)", "(status = 'queued'::text)", "(status = current_setting('app.s'::text, true))")


def _table(i: int, check: str, where: str, using: str) -> Table:
    name = f"t{i:04d}"
    return Table(
        name=name,
        columns=(Column("id", "bigint", nullable=False), Column("a", "integer"), Column("b", "integer"),
                 Column("status", "text")),
        primary_key=PrimaryKey(("id",), f"{name}_pkey"),
        indexes=(Index(f"{name}_queued_idx", (IndexPart(column="id"),), where=Sql(where)),),
        checks=(Check(f"{name}_ab_check", Sql(check)),),
        rls=Rls(True, False, (Policy(f"{name}_p", using=Sql(using)),)),
    )


def _models(n: int):
    desired = tuple(_table(i, *DESIRED_TEXTS) for i in range(n))
    live = tuple(_table(i, *LIVE_TEXTS) for i in range(n))
    views = tuple(View(f"v{i:04d}", definitions=(("postgres", f"SELECT t.a, t.b\nFROM t{i:04d} t"),))
                  for i in range(n))
    live_views = tuple(replace(v, definitions=(("postgres", f" SELECT t.a,\n    t.b\n   FROM t{i:04d} t;"),))
                       for i, v in enumerate(views))
    return (Module("m", tables=desired, views=views),
            LiveCatalog(module=Module("live", tables=live, views=live_views), dialect="postgres"))


def _parses(monkeypatch, n: int) -> int:
    for mod in (normalize, exprmod):  # every memo of a parse starts empty
        for fn in vars(mod).values():
            if hasattr(fn, "cache_clear"):
                fn.cache_clear()
    calls = []
    real = sqlglot.parse_one

    def counting(sql, *args, **kwargs):
        calls.append(sql)
        return real(sql, *args, **kwargs)

    monkeypatch.setattr(sqlglot, "parse_one", counting)
    module, live = _models(n)
    changes = diff([module], live, HOOKS, DiffOptions()).changes
    assert changes == [], [type(c).__name__ for c in changes][:5]
    return len(calls)


def test_parses_are_bounded_by_distinct_texts_not_tables(monkeypatch):
    few, many = _parses(monkeypatch, 10), _parses(monkeypatch, 200)
    assert few == many
    assert many <= len(set(DESIRED_TEXTS) | set(LIVE_TEXTS))


@pytest.mark.parametrize("a, b, same", [
    ("SELECT a,\n  b FROM t", " SELECT a, b\nFROM t;", True),
    ("SELECT a FROM t", "SELECT  a  FROM  t", True),
    ("SELECT a - b FROM t", "SELECT a -b FROM t", False),  # token boundaries moved: parse decides
    ("SELECT 'x  y' FROM t", "SELECT 'x y' FROM t", False),  # whitespace inside a literal matters
    ("SELECT a -- c\nFROM t", "SELECT a -- c FROM t", False),  # a comment swallows the rest of its line
    ("SELECT a FROM t", "SELECT b FROM t", False),
    (None, "SELECT 1", False),
])
def test_same_text_up_to_whitespace(a, b, same):
    assert same_text_up_to_whitespace(a, b) is same
