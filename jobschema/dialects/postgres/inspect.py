"""Live PostgreSQL catalog → the neutral model, in a fixed number of queries.

Each object kind has one query in ``queries/<kind>.sql`` that reads every inspected namespace at once
(``nspname = ANY(%(namespaces)s)``), so the number of statements does not grow with the number of
tables. Rows are grouped in Python and built into the same dataclasses the loader builds; what the
schema format cannot describe goes into ``LiveCatalog.unmanaged``. The queries are sent by a thread while
the rows of the earlier ones are built (``dialects/pipeline.py``).
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import replace
from functools import cache

from ...model.live import LiveCatalog, UnmanagedItem
from ...model.objects import (
    Check,
    Column,
    Default,
    ForeignKey,
    Function,
    IdentityOptions,
    Index,
    IndexPart,
    Module,
    Origin,
    Policy,
    PrimaryKey,
    Rls,
    Sql,
    Table,
    Trigger,
    UniqueKey,
    View,
)
from ..pipeline import QueryThread
from . import enums as enum_types
from .normalize import logical_type

QUERY_DIR = os.path.join(os.path.dirname(__file__), "queries")
QUERIES = ("namespaces", "tables", "columns", "identities", "enums", "constraints", "indexes", "policies", "views",
           "functions", "triggers", "extensions", "unmanaged")

FK_ACTIONS = {"a": "no action", "r": "restrict", "c": "cascade", "n": "set null", "d": "set default"}
FK_MATCH = {"s": "simple", "f": "full", "p": "partial"}
POLICY_COMMANDS = {"*": "all", "r": "select", "a": "insert", "w": "update", "d": "delete"}
IDENTITY = {"a": "always", "d": "by default"}


@cache
def query(name: str) -> str:
    with open(os.path.join(QUERY_DIR, f"{name}.sql"), encoding="utf-8") as fh:
        return fh.read()


def _search_path(config: list[str] | None) -> str | None:
    """A function's ``SET search_path`` from ``pg_proc.proconfig`` (``search_path=pg_catalog, public``)."""
    for item in config or ():
        key, _, value = item.partition("=")
        if key == "search_path":
            return value
    return None


def _rows(conn, name: str, namespaces: list[str], as_dicts: bool = True) -> list:
    with conn.cursor() as cur:
        cur.execute(query(name), {"namespaces": namespaces})
        if not as_dicts:
            return cur.fetchall()
        cols = [d.name for d in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def _origin(kind: str, *names: str) -> Origin:
    return Origin(catalog=f"pg_catalog {kind} " + ".".join(n for n in names if n))


def _origin3(kind: str, a: str, b: str, c: str) -> Origin:
    """``_origin`` for three names, the common case, without the generator."""
    if a and b and c:
        return Origin(catalog=f"pg_catalog {kind} {a}.{b}.{c}")
    return _origin(kind, a, b, c)


def _first(pair: tuple):
    return pair[0]


_new = object.__new__


def _column(name: str, type: str, nullable: bool, default: Default | None, comment: str | None,
            identity: str | None, generated: Sql | None, collation: str | None, origin: Origin) -> Column:
    """``Column(...)`` without the frozen dataclass's ``object.__setattr__`` per field, which at 50,000
    columns was a third of building the live model (the class checks nothing in ``__init__``). The fields
    are set one by one in their declared order, so the instances keep sharing one key table."""
    col = _new(Column)
    d = col.__dict__
    d["name"] = name
    d["type"] = type
    d["nullable"] = nullable
    d["default"] = default
    d["comment"] = comment
    d["enum"] = None
    d["enum_check_name"] = None
    d["legacy_values"] = ()
    d["type_overrides"] = ()
    d["identity"] = identity
    d["identity_options"] = None
    d["generated"] = generated
    d["collation"] = collation
    d["origin"] = origin
    d["on_update"] = None
    d["enum_type"] = None
    d["enum_type_namespace"] = None
    d["using"] = None
    d["mysql_charset"] = None
    d["mysql_collation"] = None
    d["invisible"] = False
    d["virtual"] = False
    return col


def _strip_check(definition: str) -> tuple[str, bool]:
    """``CHECK ((a > 0)) NO INHERIT NOT VALID`` → (``(a > 0)``, NO INHERIT). Validity is read from
    ``convalidated``, not from this text."""
    text = definition.strip()
    if text.upper().endswith(" NOT VALID"):
        text = text[: -len(" NOT VALID")].rstrip()
    no_inherit = text.upper().endswith(" NO INHERIT")
    if no_inherit:
        text = text[: -len(" NO INHERIT")].rstrip()
    if text.upper().startswith("CHECK"):
        text = text[5:].strip()
    return text, no_inherit


def _unquote(ident: str) -> str:
    if len(ident) >= 2 and ident[0] == ident[-1] == '"':
        return ident[1:-1].replace('""', '"')
    return ident


def inspect(conn, namespaces: list[str] | tuple[str, ...], name: str = "live", helpers=()) -> LiveCatalog:
    """Read every table, view, function, trigger and policy of ``namespaces`` into a ``LiveCatalog``.

    ``helpers`` open more connections on the same snapshot (``session.snapshot_session``); the queries
    are then shared among them and ``conn`` as each becomes free. Each is closed when the read ends."""
    ns = sorted(set(namespaces))
    opened: list = []

    def runner(c):
        # columns are read positionally: 50,000 rows are not worth a dict each
        return lambda q: _rows(c, q, ns, as_dicts=q != "columns")

    def helper(open_one):
        def start():
            c = open_one()
            opened.append(c)
            return runner(c)
        return start

    fetch = QueryThread(QUERIES, runner(conn), [helper(h) for h in helpers])
    try:
        live = _build(fetch, ns, name)
        fetch.close()  # every helper has opened (or given up) and is done: the counts are final
        return replace(live, catalog_connections=fetch.connections, catalog_queries=fetch.sent)
    finally:
        fetch.close()
        for c in opened:
            c.close()  # a read-only transaction: closing ends it


def _build(fetch: QueryThread, ns: list[str], name: str) -> LiveCatalog:
    data = {q: fetch.take(q) for q in ("namespaces", "tables")}

    positioned: dict[tuple, list[tuple[int, Column]]] = defaultdict(list)
    # (namespace, table, name, attnum, type, not null, default, identity, generated, collation, comment)
    for nsp, table, col, pos, type_, not_null, expr, ident, gen, collation, comment in fetch.take("columns"):
        default = None
        generated = None
        if gen == "s":
            generated = Sql(expr) if expr else None
        elif expr is not None:
            default = Default.expr(expr)
        positioned[(nsp, table)].append((pos, _column(
            name=col, type=logical_type(type_), nullable=not not_null, default=default, comment=comment,
            identity=IDENTITY.get(ident or ""), generated=generated, collation=collation,
            origin=Origin(catalog=f"pg_catalog column {nsp}.{table}.{col}"))))  # names are never empty
    columns: dict[tuple, list[Column]] = {}
    attnames: dict[tuple, dict[int, str]] = {}  # attribute number -> name, to name the constraints' keys
    sequences = {(r["namespace"], r["table_name"], r["name"]): IdentityOptions(
        r["start"], r["increment"], r["min_value"], r["max_value"], r["cache"], r["cycle"])
        for r in fetch.take("identities")}
    enum_columns = enum_types.by_column(fetch.take("enums"))
    for key, cols in positioned.items():  # the query does not sort; attnum order, as the table has them
        cols.sort(key=_first)
        for _, c in cols:
            if c.identity is not None and (*key, c.name) in sequences:
                c.__dict__["identity_options"] = sequences[(*key, c.name)].canonical(c.type)
        columns[key] = [enum_types.as_enum_column(c, enum_columns.get((*key, c.name)), key[0]) for _, c in cols]
        attnames[key] = {pos: c.name for pos, c in cols}
    del positioned

    def key_names(names: list | None, table: tuple, numbers: list | None) -> tuple[str, ...]:
        if names is not None:  # named by the server: a table the columns query does not read
            return tuple(names)
        known = attnames.get(table, {})
        return tuple(known[n] for n in numbers or () if n in known)  # like the join: 0 (an expression) drops

    pks: dict[tuple, PrimaryKey] = {}
    uniques: dict[tuple, list] = defaultdict(list)
    fks: dict[tuple, list] = defaultdict(list)
    checks: dict[tuple, list] = defaultdict(list)
    unmanaged: list[UnmanagedItem] = []
    for r in fetch.take("constraints"):
        key = (r["namespace"], r["table_name"])
        origin = _origin3("constraint", r["namespace"], r["table_name"], r["name"])
        cols = key_names(r["columns"], key, r["key_numbers"])
        if r["type"] in ("p", "u") and r["definition"]:  # INCLUDE columns: the key is the model's, they are not
            unmanaged.append(UnmanagedItem("key include", r["name"], r["namespace"], r["table_name"],
                                           r["definition"]))
        if r["type"] == "p":
            pks[key] = PrimaryKey(cols, r["name"], origin, r["deferrable"], r["initially_deferred"])
        elif r["type"] == "u":
            uniques[key].append(UniqueKey(r["name"], cols, bool(r["nulls_not_distinct"]), origin, r["deferrable"],
                                          r["initially_deferred"]))
        elif r["type"] == "f":
            fks[key].append(ForeignKey(
                name=r["name"], columns=cols, ref_table=r["ref_table"],
                ref_columns=key_names(r["ref_columns"], (r["ref_namespace"], r["ref_table"]), r["ref_numbers"]),
                ref_namespace=r["ref_namespace"], on_delete=FK_ACTIONS[r["on_delete"]],
                on_update=FK_ACTIONS[r["on_update"]], deferrable=r["deferrable"],
                on_delete_columns=tuple(r["on_delete_columns"] or ()),
                initially_deferred=r["initially_deferred"], match=FK_MATCH.get(r["match"], "simple"),
                comment=r["comment"], origin=origin, validated=r["validated"]))
        elif r["type"] == "c":
            text, no_inherit = _strip_check(r["definition"])
            checks[key].append(Check(r["name"], Sql(text), r["comment"], origin, no_inherit=no_inherit,
                                     validated=r["validated"]))
        else:
            unmanaged.append(UnmanagedItem("exclusion constraint", r["name"], r["namespace"], r["table_name"],
                                           r["definition"]))

    indexes: dict[tuple, list] = defaultdict(list)
    view_indexes = []
    for r in fetch.take("indexes"):
        parts = []
        n_keys = r["key_count"]
        all_parts = list(r["parts"])
        for i in range(n_keys):
            text = all_parts[i]
            desc = bool(r["descending"][i])
            opclass = r["opclasses"][i]
            nulls_first = None if bool(r["nulls_first"][i]) == desc else bool(r["nulls_first"][i])
            if r["collations"][i] is not None:  # ``(key COLLATE x)``: the server reads it back as this key
                parts.append(IndexPart(expression=Sql(f"{text} COLLATE {r['collations'][i]}"), descending=desc,
                                       opclass=opclass, nulls_first=nulls_first))
            elif r["is_column"][i]:
                parts.append(IndexPart(column=_unquote(text), descending=desc, opclass=opclass,
                                       nulls_first=nulls_first))
            else:
                parts.append(IndexPart(expression=Sql(text), descending=desc, opclass=opclass,
                                       nulls_first=nulls_first))
        include = tuple(_unquote(p) for p in all_parts[n_keys:])
        ix = Index(name=r["name"], parts=tuple(parts), unique=r["is_unique"], method=r["method"],
                   where=Sql(r["predicate"]) if r["predicate"] else None, include=include, comment=r["comment"],
                   origin=_origin("index", r["namespace"], r["name"]), nulls_not_distinct=r["nulls_not_distinct"])
        if r["table_kind"] == "m":
            view_indexes.append((r["namespace"], r["table_name"], ix))
        else:
            indexes[(r["namespace"], r["table_name"])].append(ix)

    policies: dict[tuple, list] = defaultdict(list)
    for r in fetch.take("policies"):
        policies[(r["namespace"], r["table_name"])].append(Policy(
            name=r["name"], command=POLICY_COMMANDS[r["command"]], roles=tuple(r["roles"] or ("public",)),
            permissive=r["permissive"], using=Sql(r["using_expr"]) if r["using_expr"] else None,
            with_check=Sql(r["with_check"]) if r["with_check"] else None, comment=r["comment"],
            origin=_origin3("policy", r["namespace"], r["table_name"], r["name"])))

    tables = []
    privileges = {}
    for r in data["tables"]:
        key = (r["namespace"], r["name"])
        privileges[key] = bool(r["can_select"])
        tables.append(Table(
            name=r["name"], namespace=r["namespace"], columns=tuple(columns.get(key, ())), comment=r["comment"],
            primary_key=pks.get(key), uniques=tuple(uniques.get(key, ())), indexes=tuple(indexes.get(key, ())),
            foreign_keys=tuple(fks.get(key, ())), checks=tuple(checks.get(key, ())),
            rls=Rls(r["rls_enabled"], r["rls_forced"], tuple(policies.get(key, ()))),
            origin=_origin("table", *key)))

    data.update((q, fetch.take(q)) for q in QUERIES[QUERIES.index("views"):])
    views = []
    for r in data["views"]:
        options = {o.split("=", 1)[0].lower(): o.split("=", 1)[-1].lower() for o in r["options"]}
        views.append(View(
            name=r["name"], namespace=r["namespace"], definitions=(("postgres", r["definition"] or ""),),
            materialized=r["materialized"], security_invoker=options.get("security_invoker") in ("true", "on", "1"),
            check_option=options.get("check_option", "").upper() or None, comment=r["comment"],
            origin=_origin("view", r["namespace"], r["name"]),
            acl=tuple(r["acl"]) if r["acl"] is not None else None))

    functions = []
    for r in data["functions"]:
        functions.append(Function(
            name=r["name"], namespace=r["namespace"], arguments=r["arguments"] or "", returns=r["returns"],
            language=r["language"], body=r["body"] or _standard_body(r["definition"]), sql="", dialect="postgres",
            kind="procedure" if r["kind"] == "p" else "function", security_definer=r["security_definer"],
            origin=_origin("function", r["namespace"], r["name"]), search_path=_search_path(r["config"]),
            options=tuple(r["options"] or ()) if r["kind"] != "p" else (),
            acl=tuple(r["acl"]) if r["acl"] is not None else None))

    triggers = []
    for r in data["triggers"]:
        triggers.append(Trigger(
            name=r["name"], table=r["table_name"], namespace=r["namespace"], sql=r["definition"], dialect="postgres",
            timing=r["timing"], events=tuple(sorted(r["events"] or ())), function=r["function"],
            origin=_origin("trigger", r["namespace"], r["table_name"], r["name"])))

    for r in data["unmanaged"]:
        unmanaged.append(UnmanagedItem(r["kind"], r["name"], r["namespace"], r["table_name"], r["detail"]))
    extensions = tuple(UnmanagedItem("extension", r["name"], r["namespace"], None, f"version {r['version']}")
                       for r in data["extensions"])
    version = data["namespaces"][0]["server_version"] if data["namespaces"] else None
    module = Module(name=name, tables=tuple(tables), views=tuple(views), functions=tuple(functions),
                    triggers=tuple(triggers), namespace=ns[0] if ns else "public", dialects=("postgres",))
    return LiveCatalog(module=module, dialect="postgres",
                       namespaces=tuple(r["name"] for r in data["namespaces"]), extensions=extensions,
                       unmanaged=tuple(unmanaged), view_indexes=tuple(view_indexes), server_version=version,
                       catalog_queries=len(QUERIES), table_privileges=privileges)


def _standard_body(definition: str | None) -> str:
    """The SQL-standard body (``RETURN …`` or ``BEGIN ATOMIC … END``) of a function's ``pg_get_functiondef``
    text: the server prints each header clause on a line of its own that starts with a space, and the body
    from the first line that does not."""
    lines = (definition or "").rstrip().split("\n")
    for i, line in enumerate(lines[1:], start=1):
        if line and not line.startswith(" "):
            return "\n".join(lines[i:]).rstrip()
    return ""
