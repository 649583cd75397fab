"""The live PostgreSQL columns are built without the dataclass ``__init__``: the same objects all the same."""

from __future__ import annotations

from jobschema.dialects.postgres.inspect import _column
from jobschema.model.objects import Column, Default, Origin, Sql


def test_fast_column_equals_the_dataclass_one():
    kw = dict(name="id", type="bigint", nullable=False, default=Default.expr("nextval('s')"), comment="c",
              identity="always", generated=None, collation="C", origin=Origin(catalog="pg_catalog column a.b.id"))
    fast, slow = _column(**kw), Column(**kw)
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert list(vars(fast)) == list(vars(slow))  # every field, in the declared order
    generated = dict(kw, default=None, identity=None, generated=Sql("a || b"), comment=None, collation=None)
    assert _column(**generated) == Column(**generated)
