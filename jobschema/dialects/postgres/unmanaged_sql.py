"""The statements that create a recorded unmanaged fact (``Module.unmanaged``) from the catalog's definition
in the record. ``generate`` writes them into the module's own files and fix migrations use them for a fact the
database lacks, so both build the same thing.

Where a fact goes: the objects columns may use (collations, types, domains, standalone sequences) before the
tables; UNLOGGED and PARTITION BY inside ``CREATE TABLE`` (neither can be added to a partitioned table later);
everything else after every other object, in ``AFTER`` order (partitions first, since other facts may name
them; rules last, since their actions may read any object).
"""

from __future__ import annotations

import re

from ...model.objects import Module, UnmanagedItem
from ..base import quote_pg

BEFORE_TABLES = ("collation", "enum type", "range type", "domain", "composite type", "sequence")
IN_TABLE = ("unlogged table", "partitioning")
AFTER = ("partition", "partition column", "partition row security", "partition constraint", "partition index",
         "table inheritance", "storage parameters",
         "column storage", "column compression",
         "column statistics", "sequence options", "sequence owner",
         "identity sequence", "exclusion constraint", "key include", "index storage parameters",
         "cluster index", "replica identity", "view options", "extended statistics", "trigger state", "rule",
         "comment")

_IDENT = r'(?:"(?:[^"]|"")*"|[^",\s()]+)'
QUALIFIED = re.compile(rf"{_IDENT}(?:\.{_IDENT})?")


def _qname(namespace: str, name: str) -> str:
    """``render.qname`` (render imports this module)."""
    q = quote_pg(name)
    return q if namespace == "public" else f"{quote_pg(namespace)}.{q}"


def _statement(text: str) -> str:
    return text.rstrip().rstrip(";").rstrip() + ";"


def comment_sql(namespace: str, name: str, table: str | None, text: str) -> str:
    """``COMMENT ON`` a recorded comment's object: ``name`` is ``CONSTRAINT "k"`` (with its ``table``),
    ``FUNCTION f(integer)``, ``DOMAIN d``…; ``text`` a literal, or NULL to remove it."""
    word, _, target = name.partition(" ")
    where = f"{target} ON {_qname(namespace, table)}" if table else f"{quote_pg(namespace)}.{target}"
    return f"COMMENT ON {word} {where} IS {text};"


def identity_sequence(namespace: str, table: str, column: str) -> str:
    """The name PostgreSQL gives an identity column's sequence when none is named."""
    return _qname(namespace, f"{table}_{column}_seq")


def create_sql(kind: str, namespace: str, name: str, table: str | None, detail: str | None) -> list[str] | None:
    """The statements giving a database without the fact the recorded ``detail``; None for a kind that has
    none (or no detail). ``namespace`` is the fact's own, already resolved."""
    if detail is None:
        return None
    obj = _qname(namespace, name)
    tbl = _qname(namespace, table or "")
    column = f"ALTER TABLE {tbl} ALTER COLUMN {quote_pg(name)}"
    if kind in ("rule", "extended statistics", "partition index"):
        return [_statement(detail)]
    if kind == "comment":
        return [comment_sql(namespace, name, table, detail)]
    if kind == "table inheritance":
        inner = detail.strip()[len("INHERITS"):].strip().removeprefix("(").removesuffix(")")
        return [f"ALTER TABLE {obj} INHERIT {parent};" for parent in QUALIFIED.findall(inner)]
    if kind in ("partition column", "partition row security"):
        return partition_property_sql(kind, obj if kind == "partition row security" else tbl, name, detail, None)
    sql = {
        "collation": f"CREATE COLLATION {obj} ({detail});",
        "enum type": f"CREATE TYPE {obj} AS ENUM ({detail});",
        "range type": f"CREATE TYPE {obj} AS RANGE ({detail});",
        "domain": f"CREATE DOMAIN {obj} {detail};",
        "composite type": f"CREATE TYPE {obj} AS {detail};",
        "sequence": f"CREATE SEQUENCE {obj} {detail};",
        "partition": f"CREATE TABLE {obj} {detail};",
        "storage parameters": f"ALTER TABLE {obj} SET ({detail});",
        "index storage parameters": f"ALTER INDEX {obj} SET ({detail});",
        "view options": f"ALTER VIEW {obj} SET ({detail});",
        "column storage": f"{column} SET STORAGE {detail};",
        "column compression": f"{column} SET COMPRESSION {detail};",
        "column statistics": f"{column} SET STATISTICS {detail};",
        "sequence options": f"ALTER SEQUENCE {obj} {detail};",
        "sequence owner": f"ALTER SEQUENCE {obj} OWNED BY {detail};",
        "identity sequence": f"ALTER SEQUENCE {identity_sequence(namespace, table or '', name)} RENAME TO {detail};",
        "exclusion constraint": f"ALTER TABLE {tbl} ADD CONSTRAINT {quote_pg(name)} {detail};",
        "key include": key_include_sql(tbl, name, detail),
        "partition constraint": f"ALTER TABLE {tbl} ADD CONSTRAINT {quote_pg(name)} {detail};",
        "cluster index": f"ALTER TABLE {tbl} CLUSTER ON {quote_pg(name)};",
        "replica identity": f"ALTER TABLE {obj} REPLICA IDENTITY {detail};",
        "trigger state": f"ALTER TABLE {tbl} {detail} TRIGGER {quote_pg(name)};",
        "unlogged table": f"ALTER TABLE {obj} SET UNLOGGED;",
    }.get(kind)
    return [sql] if sql is not None else None


def key_include_sql(table: str, name: str, definition: str) -> str:
    """A primary or unique key rebuilt as ``definition`` (INCLUDE columns cannot be added to a key in place;
    one statement, so the table is never without its key)."""
    return f"ALTER TABLE {table} DROP CONSTRAINT {quote_pg(name)}, ADD CONSTRAINT {quote_pg(name)} {definition};"


def without_include(definition: str) -> str:
    """``PRIMARY KEY (id) INCLUDE (c)`` → ``PRIMARY KEY (id)``: the key a live INCLUDE the record lacks is reset to."""
    return re.sub(r"\s+INCLUDE\s*\((?:[^()\"]|\"(?:[^\"]|\"\")*\")*\)", "", definition, count=1)


def partition_property_sql(kind: str, table: str, column: str, detail: str | None, live: str | None) -> list[str]:
    """The statements taking a partition's own column property (``NOT NULL DEFAULT x``) or row-level security
    (``ENABLE, FORCE``) from ``live`` to ``detail`` (None: the parent's, PostgreSQL's default)."""
    if kind == "partition row security":
        want, have = set((detail or "").split(", ")) - {""}, set((live or "").split(", ")) - {""}
        return [f"ALTER TABLE {table} {verb} ROW LEVEL SECURITY;"
                for word, on, off in (("ENABLE", "ENABLE", "DISABLE"), ("FORCE", "FORCE", "NO FORCE"))
                if (word in want) != (word in have) for verb in [on if word in want else off]]

    def split(text: str | None) -> tuple[bool, str | None]:
        text = (text or "").strip()
        not_null = text.startswith("NOT NULL")
        text = text.removeprefix("NOT NULL").strip()
        return not_null, (text.removeprefix("DEFAULT").strip() if text.startswith("DEFAULT") else None)

    (want_nn, want_def), (have_nn, have_def) = split(detail), split(live)
    alter = f"ALTER TABLE {table} ALTER COLUMN {quote_pg(column)}"
    out = []
    if want_def != have_def:
        out.append(f"{alter} SET DEFAULT {want_def};" if want_def is not None else f"{alter} DROP DEFAULT;")
    if want_nn != have_nn:
        out.append(f"{alter} {'SET' if want_nn else 'DROP'} NOT NULL;")
    return out


def item_sql(module: Module, item: UnmanagedItem) -> list[str] | None:
    return create_sql(item.kind, item.namespace or module.namespace, item.name, item.table, item.detail)


def facts(module: Module, kinds: tuple[str, ...]) -> list[UnmanagedItem]:
    """The module's recorded facts of ``kinds``, in the order of ``kinds`` (then the record's, which is sorted)."""
    rank = {k: i for i, k in enumerate(kinds)}
    return sorted((u for u in module.unmanaged if u.kind in rank), key=lambda u: rank[u.kind])


def table_fact(module: Module, kind: str, namespace: str, table: str) -> UnmanagedItem | None:
    """The recorded ``unlogged table`` or ``partitioning`` fact of one table."""
    return next((u for u in module.unmanaged if u.kind == kind and u.name == table and u.table is None
                 and (u.namespace or module.namespace) == namespace), None)
