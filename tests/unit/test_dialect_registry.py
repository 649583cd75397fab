"""The dialect registry and protocol: every dialect answers every question code outside ``dialects/``
may ask, and is found by name or alias, DSN scheme and file name."""

from __future__ import annotations

import inspect as pyinspect

import pytest

from jobschema.dialects import base
from jobschema.errors import UsageError

PROTOCOL = sorted(n for n in dir(base.Dialect) if not n.startswith("_")) + sorted(
    base.Dialect.__annotations__)


@pytest.mark.parametrize("name", base.names())
def test_every_dialect_implements_the_protocol(name):
    d = base.get(name)
    missing = [n for n in PROTOCOL if not hasattr(d, n)]
    assert missing == []
    for n in dir(base.Dialect):
        member = getattr(base.Dialect, n)
        if n.startswith("_") or not callable(member):
            continue
        want = list(pyinspect.signature(member).parameters)[1:]
        assert list(pyinspect.signature(getattr(d, n)).parameters) == want, n
    assert d.name == name and base.canonical(name) == name
    for module in (d.types, d.names, d.adopt):
        assert module.__name__ == f"jobschema.dialects.{name}.{module.__name__.rsplit('.', 1)[1]}"
    assert callable(d.names.unique) and callable(d.adopt.from_live)


@pytest.mark.parametrize(("typed", "name"), [("postgres", "postgres"), ("PostgreSQL", "postgres"), ("pg", "postgres"),
                                             ("mysql", "mysql"), ("MariaDB", "mysql")])
def test_names_and_aliases(typed, name):
    assert base.get(typed).name == name
    assert base.require(typed) is base.get(name)


def test_unknown_dialect_is_one_usage_line():
    with pytest.raises(KeyError):
        base.get("oracle")
    with pytest.raises(UsageError, match=r"^unknown dialect 'oracle' \(known: postgres, mysql\)$"):
        base.require("oracle")


@pytest.mark.parametrize(("dsn", "name"), [
    ("postgresql://u@h/db", "postgres"), ("postgres://h/db", "postgres"), ("host=h dbname=x", "postgres"),
    ("", "postgres"), ("mysql://root@h:3306/db", "mysql"), ("MariaDB://h/db", "mysql"),
])
def test_dialect_by_dsn(dsn, name):
    assert base.name_for_dsn(dsn) == name
    assert base.for_dsn(dsn) is base.get(name)


def test_unknown_scheme_names_the_known_ones_without_the_password():
    with pytest.raises(UsageError) as info:
        base.name_for_dsn("sqlite://u:hunter2x@h/db")
    msg = str(info.value)
    assert "hunter2x" not in msg and "\n" not in msg
    assert msg.endswith("use postgres://, postgresql://, mysql:// or mariadb://")


@pytest.mark.parametrize(("path", "name"), [
    ("views/v.mysql.sql", "mysql"), ("views/v.postgres.sql", "postgres"), ("v.mariadb.sql", "mysql"),
    ("migrations/jobs/mysql/0001_x.sql", "mysql"), ("migrations/jobs/mariadb/0001_x.sql", "mysql"),
    ("migrations/jobs/postgres/0001_x.sql", "postgres"), ("plain.sql", None), ("a.b.sql", None),
])
def test_dialect_by_file_name(path, name):
    assert base.name_for_path(path) == name
    assert base.name_for_path(path, base.DEFAULT) == (name or "postgres")


def test_a_second_claim_on_a_name_or_scheme_is_refused():
    with pytest.raises(ValueError, match="mariadb already registered"):
        base.register(base.Registration("other", "x", aliases=("mariadb",)))
    with pytest.raises(ValueError, match="postgresql already registered"):
        base.register(base.Registration("other", "x", schemes=("postgresql",)))
    with pytest.raises(ValueError, match="plain"):
        base.register(base.Registration("other", "x", plain_dsn=True))
    assert base.names() == ("postgres", "mysql")


def test_implicit_names():
    pg, my = base.get("postgres").names, base.get("mysql").names
    assert (pg.primary_key("t"), pg.unique("t", ["a", "b"]), pg.check("t", "a"), pg.foreign_key("t", ["a"]),
            pg.index("t", ["a", None])) == ("t_pkey", "t_a_b_key", "t_a_check", "t_a_fkey", "t_a_expr_idx")
    assert len(pg.unique("x" * 80, ["a"]).encode()) == 63
    assert (my.primary_key("t"), my.unique("t", ["a", "b"]), my.check("t", "a"), my.check("t", None, 2),
            my.foreign_key("t", ["a"], 3)) == ("PRIMARY", "a", "a", "CONSTRAINT_2", "t_ibfk_3")
