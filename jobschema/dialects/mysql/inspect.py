"""Live MySQL/MariaDB catalog → the neutral model, in a fixed number of queries.

One query per object kind for the whole database (``queries/*.sql``), whatever the number of tables;
:data:`QUERY_NAMES` lists them, and then one ``SHOW CREATE TABLE`` per base table (``showcreate.py``: what
no catalog table holds); a test counts the statements. The inspector reports what the server
says and nothing more: native column types stay in ``Column.type_overrides`` as ``("mysql", native)``
beside a best logical guess, ENUM columns carry their values in ``Column.enum``, MariaDB's automatic
``json_valid()`` CHECKs and the indexes InnoDB adds for foreign keys are kept. Telling those apart from
drift is ``normalize.py``'s job.
"""

from __future__ import annotations

import os
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import cache

from ...model.live import LiveCatalog
from ...model.objects import (
    Check,
    Column,
    Default,
    ForeignKey,
    Function,
    Index,
    IndexPart,
    Module,
    Origin,
    PrimaryKey,
    Sql,
    Table,
    Trigger,
    UniqueKey,
    View,
)
from ..pipeline import QueryThread
from . import hidden, showcreate, unmanaged
from .fkrules import model_rules
from .types import enum_values, logical, split_quoted
from .version import ServerVersion

_QUERY_DIR = os.path.join(os.path.dirname(__file__), "queries")

# The statements one inspection sends, in order: a fixed list, independent of the table count.
QUERY_NAMES = ("version", "tables", "columns", "constraints", "checks", "indexes", "views", "routines",
               "parameters", "triggers", "partitions")
SHOWN = "create_tables"  # after the fixed queries: SHOW CREATE TABLE of every base table, one statement each
_VARIANTS = {"constraints", "checks", "indexes", "views"}  # <name>.maria.sql / <name>.mysql.sql


@cache
def query_text(name: str) -> str:
    with open(os.path.join(_QUERY_DIR, f"{name}.sql"), encoding="utf-8") as fh:
        return fh.read()


def query_for(name: str, version: ServerVersion | None) -> str:
    if name in _VARIANTS:
        return query_text(f"{name}.{'maria' if version is None or version.maria else 'mysql'}")
    return query_text(name)


@dataclass
class Catalog:
    """The raw rows of one inspection, by query name (kept for the probe and for debugging)."""

    version: ServerVersion
    database: str
    rows: dict[str, list[dict]] = field(default_factory=dict)
    statements: int = 0


def fetch(conn, database: str) -> Catalog:
    """Run the fixed query set against ``database`` on an open PyMySQL connection."""
    reader = _reader(conn, database)
    try:
        cat = Catalog(reader.take("version"), database)
        cat.rows = {name: reader.take(name) for name in QUERY_NAMES[1:]}
        cat.statements = reader.sent - 1 + len(reader.take(SHOWN))
    finally:
        reader.close()
    return cat


def _reader(conn, database: str) -> QueryThread:
    """The query set, sent by a thread (``dialects/pipeline.py``): "version" answers a ``ServerVersion``,
    :data:`SHOWN` the ``SHOW CREATE TABLE`` text of each base table, every other name its rows as dicts."""
    state: dict = {}

    def run(name: str):
        if name == SHOWN:
            return showcreate.read(conn, state["base"])
        with conn.cursor() as cur:
            if name == "version":
                cur.execute(query_text("version"))
                row = _as_dict(cur, cur.fetchone())
                state["version"] = ServerVersion.parse(str(row["version"]), str(row.get("version_comment") or ""))
                return state["version"]
            cur.execute(query_for(name, state["version"]), {"schema": database})
            rows = _as_dicts(cur, cur.fetchall())
            if name == "tables":
                state["base"] = [r["table_name"] for r in rows if _is_base(r)]
            return rows

    return QueryThread((*QUERY_NAMES, SHOWN), run)


def _is_base(table_row: dict) -> bool:
    """A base table, system-versioned ones included (their history is recorded as unmanaged); not a view or
    a sequence."""
    return (table_row["table_type"] or "").upper() in ("BASE TABLE", "SYSTEM VERSIONED")


class _Rows(dict):
    """``Catalog.rows`` filled as the reader's answers arrive: ``get`` waits for the one it names."""

    def __init__(self, reader: QueryThread):
        super().__init__()
        self.reader = reader

    def get(self, name, default=None):
        if name not in self and name in self.reader.names:
            self[name] = self.reader.take(name)
        return super().get(name, default)


def _as_dict(cur, row) -> dict:
    if isinstance(row, dict):
        return {k.lower(): _text(v) for k, v in row.items()}
    names = [d[0].lower() for d in cur.description]
    return {k: _text(v) for k, v in zip(names, row, strict=True)}


def _as_dicts(cur, rows) -> list[dict]:
    """``_as_dict`` of every row, decoding only the columns where the driver returned bytes."""
    if not rows or isinstance(rows[0], dict):
        return [_as_dict(cur, r) for r in rows]
    names = [d[0].lower() for d in cur.description]
    columns = list(zip(*rows, strict=True))
    for i, values in enumerate(columns):
        kinds = set(map(type, values))
        if bytes in kinds or bytearray in kinds:
            columns[i] = [_text(v) for v in values]
    return [dict(zip(names, r, strict=True)) for r in zip(*columns, strict=True)]


def _text(v):
    if isinstance(v, (bytes, bytearray)):
        return v.decode("utf-8", "replace")
    return v


def inspect(conn, database: str, name: str = "live", namespace: str = "public") -> LiveCatalog:
    """Inspect ``database`` into a ``LiveCatalog``. ``namespace`` labels the live tables so they line up
    with the schema's (a MySQL database plays the part of a PostgreSQL schema). The model is built from
    each answer while the server works on the next one."""
    reader = _reader(conn, database)
    try:
        cat = Catalog(reader.take("version"), database, rows=_Rows(reader))
        module = build_module(cat, name, namespace)
        for q in QUERY_NAMES[1:]:  # every query answered, the connection is the caller's again
            cat.rows.get(q)
        shown = reader.take(SHOWN)
    finally:
        reader.close()
    # a user with only SELECT is shown no foreign key rules and no view queries: read the rules another way
    unruled = hidden.tables_missing_fk_actions(cat.rows.get("constraints", []))
    module = hidden.with_fk_actions(module, {t: shown[t] for t in unruled if t in shown}, cat.version.maria)
    return LiveCatalog(module=module, dialect="mysql", namespaces=(namespace,), server_version=cat.version.raw,
                       unmanaged=unmanaged.items(cat.rows.get("tables", []), cat.rows.get("columns", []),
                                                 cat.rows.get("partitions", []), namespace, shown,
                                                 cat.rows.get("indexes", [])),
                       unreadable=hidden.hidden_views(cat.rows.get("views", []), namespace),
                       catalog_queries=reader.sent - 1 + len(shown))


def table_options(create_options: str | None) -> str | None:
    """CREATE_OPTIONS as the model keeps it: name=value pairs, names lower-cased, sorted; partitioning
    (the word ``partitioned``) is not an option here but an unmanaged item."""
    # MariaDB quotes engine-defined options: `page_compressed`='1'
    pairs = sorted(o.split("=", 1)[0].strip("`").lower() + "=" + o.split("=", 1)[1].strip("'")
                   for o in (create_options or "").split() if "=" in o)
    return " ".join(pairs) or None


# --------------------------------------------------------------------------------------------- types

_NUMBER_RE = re.compile(r"-?\d+(\.\d+)?(e[+-]?\d+)?", re.I)
_split_quoted = split_quoted


def logical_type(column_type: str) -> str:
    """The logical type of a native one, from the dialect's one type map (``types.logical``)."""
    return logical(column_type).logical


def live_default(row: dict, version: ServerVersion) -> Default | None:
    """COLUMN_DEFAULT as the server printed it, kept as MySQL SQL text (an expression) or a literal.

    MariaDB prints SQL (``'pending'``, ``NULL``, ``current_timestamp(6)``, ``0``); MySQL prints the bare
    value and flags expressions with DEFAULT_GENERATED. Both become: no default, a literal, or an
    expression whose text is MySQL SQL (``Sql.overrides`` holds it under "mysql").
    """
    raw = row.get("column_default")
    extra = (row.get("extra") or "").lower()
    if raw is None:
        return None
    raw = str(raw)
    if version.quotes_literal_defaults:
        if raw.upper() == "NULL":
            return None
        if raw.startswith("'") and raw.endswith("'") and len(raw) >= 2:
            vals = _split_quoted(raw)
            return Default.literal(vals[0] if vals else "")
        if _NUMBER_RE.fullmatch(raw):
            return Default.literal(raw)
        return Default.expr(raw, (("mysql", raw),))
    if "default_generated" in extra:
        return Default.expr(raw, (("mysql", raw),))
    return Default.literal(raw)


_ON_UPDATE = re.compile(r"\bon update (\S+?(?:\(\d*\))?)(?:\s|$)", re.I)


def _on_update(extra: str) -> Sql | None:
    """``on update current_timestamp(6)`` in EXTRA, as MySQL SQL."""
    m = _ON_UPDATE.search(extra or "")
    if not m:
        return None
    return Sql(m.group(1), (("mysql", m.group(1)),))


# --------------------------------------------------------------------------------------------- build

def build_module(cat: Catalog, module_name: str = "live", namespace: str = "public") -> Module:
    version, db = cat.version, cat.database
    rows = cat.rows

    def origin(*parts: str) -> Origin:
        return Origin(catalog=f"{db}." + ".".join(parts))

    def origin2(table: str, name: str) -> Origin:  # origin(table, name) without building a tuple
        return Origin(catalog=f"{db}.{table}.{name}")

    kinds = {r["table_name"]: r for r in rows.get("tables", [])}
    base_tables = [name for name, r in kinds.items() if _is_base(r)]
    is_base = set(base_tables)  # membership per row: a list here made the build quadratic in tables

    columns: dict[str, list[Column]] = {}
    for r in rows.get("columns", []):
        t = r["table_name"]
        if t not in is_base:
            continue
        ct = str(r["column_type"])
        extra = (r.get("extra") or "").lower()
        generated = None
        if r.get("generation_expression") and ("generated" in extra):
            generated = Sql(r["generation_expression"], (("mysql", r["generation_expression"]),))
        columns.setdefault(t, []).append(Column(
            name=r["column_name"],
            type=logical_type(ct),
            nullable=(r["is_nullable"] or "").upper() == "YES",
            default=None if generated is not None else live_default(r, version),
            comment=r.get("column_comment") or None,
            enum=enum_values(ct),
            type_overrides=(("mysql", ct),),
            identity="by default" if "auto_increment" in extra else None,
            generated=generated,
            origin=origin2(t, r["column_name"]),
            on_update=_on_update(extra),
            mysql_charset=r.get("charset") or None,
            mysql_collation=r.get("collation") or None,
            invisible="invisible" in extra,
            virtual=generated is not None and "virtual" in extra,
        ))

    pks: dict[str, PrimaryKey] = {}
    uniques: dict[str, list[UniqueKey]] = {}
    fks: dict[str, list[ForeignKey]] = {}
    grouped: OrderedDict[tuple[str, str, str], list[dict]] = OrderedDict()
    for r in rows.get("constraints", []):
        grouped.setdefault((r["table_name"], r["constraint_name"], r["constraint_type"]), []).append(r)
    versioned = {name for name, r in kinds.items() if (r["table_type"] or "").upper() == "SYSTEM VERSIONED"}
    for (t, name, kind), parts in grouped.items():
        parts.sort(key=lambda p: p["ordinal_position"])
        if t in versioned:  # its keys end with the hidden row_end column, which ADD SYSTEM VERSIONING adds back
            shown = {c.name for c in columns.get(t, ())}
            parts = [p for p in parts if p["column_name"] in shown]
        cols = tuple(p["column_name"] for p in parts)
        if kind == "PRIMARY KEY":
            pks[t] = PrimaryKey(cols, name, origin(t, name))
        elif kind == "UNIQUE":
            uniques.setdefault(t, []).append(UniqueKey(name, cols, origin=origin(t, name)))
        else:
            p0 = parts[0]
            ref_ns = None if p0.get("ref_schema") in (None, db) else p0["ref_schema"]
            fks.setdefault(t, []).append(ForeignKey(
                name=name, columns=cols, ref_table=p0["ref_table"],
                ref_columns=tuple(p["ref_column"] for p in parts), ref_namespace=ref_ns,
                **model_rules(p0.get("delete_rule") or "NO ACTION", p0.get("update_rule") or "NO ACTION",
                              cat.version.maria),
                origin=origin(t, name)))

    checks: dict[str, list[Check]] = {}
    for r in rows.get("checks", []):
        if (r.get("enforced") or "YES").upper() == "NO":
            continue
        checks.setdefault(r["table_name"], []).append(Check(
            r["constraint_name"], Sql(r["check_clause"], (("mysql", r["check_clause"]),)),
            origin=origin(r["table_name"], r["constraint_name"]),
            inline=(r.get("level") or "").lower() == "column"))

    indexes: dict[str, list[Index]] = {}
    ix_rows: OrderedDict[tuple[str, str], list[dict]] = OrderedDict()
    for r in rows.get("indexes", []):
        ix_rows.setdefault((r["table_name"], r["index_name"]), []).append(r)
    # a UNIQUE key on column prefixes or DESC parts, or with a comment, is read as the unique index it is:
    # UniqueKey holds names only
    shaped = {k for k, parts in ix_rows.items()
              if any(p.get("sub_part") or p.get("collation") == "D" or p.get("index_comment") for p in parts)}
    uniques = {t: [u for u in us if (t, u.name) not in shaped] for t, us in uniques.items()}
    unique_names = {(t, u.name) for t, us in uniques.items() for u in us}
    for (t, name), parts in ix_rows.items():
        if name == "PRIMARY" or (t, name) in unique_names or t not in is_base:
            continue
        parts.sort(key=lambda p: p["seq_in_index"])
        method = (parts[0].get("index_type") or "BTREE").lower()
        ix_parts = []
        for p in parts:
            if p.get("column_name"):
                # a SPATIAL key reports the geometry's internal key length, which no DDL can set
                length = p.get("sub_part") if method != "spatial" else None
                ix_parts.append(IndexPart(column=p["column_name"], descending=(p.get("collation") == "D"),
                                          length=int(length) if length else None))
            else:
                ix_parts.append(IndexPart(expression=Sql(p.get("expression") or "", (("mysql", p.get("expression")
                                                                                     or ""),)),
                                          descending=(p.get("collation") == "D")))
        unique = str(parts[0]["non_unique"]) == "0"
        indexes.setdefault(t, []).append(Index(
            name=name, parts=tuple(ix_parts), unique=unique, method=method,
            comment=parts[0].get("index_comment") or None, origin=origin(t, name),
            ignored=(parts[0].get("ignored") or "NO").upper() == "YES"))

    tables = []
    for t in base_tables:
        info = kinds[t]
        tables.append(Table(
            name=t, columns=tuple(columns.get(t, ())), namespace=namespace,
            comment=info.get("table_comment") or None, primary_key=pks.get(t),
            uniques=tuple(uniques.get(t, ())), indexes=tuple(indexes.get(t, ())),
            foreign_keys=tuple(fks.get(t, ())), checks=tuple(checks.get(t, ())),
            mysql_engine=info.get("engine"), mysql_charset=info.get("table_charset") or None,
            mysql_collation=info.get("table_collation") or None,
            mysql_options=table_options(info.get("create_options")), origin=origin(t)))

    view_cols: dict[str, list[str]] = {}
    for r in rows.get("columns", []):
        if r["table_name"] not in is_base:
            view_cols.setdefault(r["table_name"], []).append(r["column_name"])
    views = []
    for r in rows.get("views", []):
        check = (r.get("check_option") or "NONE").upper()
        views.append(View(
            name=r["view_name"], definitions=(("mysql", r.get("view_definition") or ""),), namespace=namespace,
            columns=(), algorithm=(r.get("algorithm") or None) and str(r["algorithm"]).upper(),
            security=(r.get("security_type") or None) and str(r["security_type"]).upper(),
            check_option=None if check == "NONE" else check, origin=origin(r["view_name"])))

    params: dict[tuple[str, str], list[str]] = {}
    for r in rows.get("parameters", []):
        mode = (r.get("parameter_mode") or "").upper()
        text = " ".join(x for x in (mode if mode and mode != "IN" else "", r.get("parameter_name") or "",
                                    (r.get("dtd_identifier") or "").lower()) if x)
        params.setdefault((r["routine_name"], r["routine_type"]), []).append(text)
    functions = []
    for r in rows.get("routines", []):
        kind = (r["routine_type"] or "FUNCTION").lower()
        args = ", ".join(params.get((r["routine_name"], r["routine_type"]), []))
        body = r.get("routine_definition") or ""
        functions.append(Function(
            name=r["routine_name"], namespace=namespace, arguments=args,
            returns=(r.get("returns") or None) and str(r["returns"]).lower(), language="sql", body=body,
            sql=body, dialect="mysql", kind=kind, security_definer=(r.get("security_type") or "") == "DEFINER",
            origin=origin(r["routine_name"])))

    triggers = []
    for r in rows.get("triggers", []):
        triggers.append(Trigger(
            name=r["trigger_name"], table=r["table_name"], namespace=namespace,
            sql=r.get("action_statement") or "", dialect="mysql", timing=(r.get("action_timing") or "").upper(),
            events=((r.get("event_manipulation") or "").upper(),), origin=origin(r["trigger_name"])))

    first = next(iter(kinds.values()), {})
    return Module(name=module_name, tables=tuple(tables), views=tuple(views), functions=tuple(functions),
                  triggers=tuple(triggers), namespace=namespace, database=db, dialects=("mysql",),
                  mysql_charset=first.get("database_charset") or None,
                  mysql_collation=first.get("database_collation") or None, origin=Origin(catalog=db))
