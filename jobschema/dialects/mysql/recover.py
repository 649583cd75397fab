"""Whether a DDL statement of a MySQL/MariaDB fix ran, after the run that sent it was killed.

DDL commits on its own there, so it cannot commit with the history record. The runner records, before each
such statement, a digest of the catalog rows of the tables it names (``digest``); with atomic DDL the
statement then either happened whole or not at all. After a kill, ``state`` compares:

* the digest unchanged → the statement did not happen: run it again;
* otherwise the statement's post-condition, read from sqlglot's tree of it (a column with the type and
  nullability it sets, an index or constraint present or gone, a table or view present or gone), probed in
  ``information_schema``: it holds → done; it does not → the statement did not happen: run it again;
* a statement whose effect this cannot read back → "unknown": a person decides (``migrate resolve``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import sqlglot
from sqlglot import exp

# The catalog rows a table's definition is made of; AUTO_INCREMENT and row counts, which writes move, are not.
_DIGEST = (
    "SELECT table_name, engine, table_collation, table_comment, create_options FROM information_schema.tables "
    "WHERE table_schema = DATABASE() AND table_name IN ({marks}) ORDER BY table_name",
    "SELECT table_name, column_name, ordinal_position, column_type, is_nullable, column_default, extra, "
    "column_comment, character_set_name, collation_name FROM information_schema.columns "
    "WHERE table_schema = DATABASE() AND table_name IN ({marks}) ORDER BY table_name, ordinal_position",
    "SELECT table_name, index_name, seq_in_index, column_name, non_unique, sub_part, collation "
    "FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name IN ({marks}) "
    "ORDER BY table_name, index_name, seq_in_index",
    "SELECT table_name, constraint_name, constraint_type FROM information_schema.table_constraints "
    "WHERE table_schema = DATABASE() AND table_name IN ({marks}) ORDER BY table_name, constraint_name, "
    "constraint_type",
)

_COLUMN = ("SELECT column_type, is_nullable FROM information_schema.columns WHERE table_schema = DATABASE() "
           "AND table_name = %s AND column_name = %s")
_INDEX = ("SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = %s "
          "AND index_name = %s")
_CONSTRAINT = ("SELECT COUNT(*) FROM information_schema.table_constraints WHERE table_schema = DATABASE() "
               "AND table_name = %s AND constraint_name = %s AND constraint_type IN ({types})")
_TABLE = ("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = %s "
          "AND table_type IN ({types})")
_CHECK, _FOREIGN = "'CHECK'", "'FOREIGN KEY'"


@dataclass(frozen=True)
class Probe:
    """One fact the catalog shows once a statement ran: ``kind`` (column, index, constraint, table, view)
    ``name`` on ``table`` is there (``present``) or gone; a column also with its type and nullability."""

    kind: str
    table: str
    name: str
    present: bool = True
    type_key: str | None = None
    nullable: bool | None = None
    types: str = ""  # a constraint's types, as SQL literals


def digest(conn, tables: list[str]) -> str | None:
    """A digest of the definitions of ``tables`` (None without tables)."""
    if not tables:
        return None
    h = hashlib.sha1()
    marks = ", ".join(["%s"] * len(tables))
    with conn.cursor() as cur:
        for q in _DIGEST:
            cur.execute(q.format(marks=marks), tables)
            h.update(repr(cur.fetchall()).encode("utf-8"))
    return h.hexdigest()


def tables(statement: str, named: list[str]) -> list[str]:
    """The tables ``statement`` changes (from its post-conditions, or the ALTER's target) and its step's,
    sorted: the ones its digest covers."""
    found = {p.table for p in postconditions(statement) or []}
    try:
        tree = sqlglot.parse_one(statement, read="mysql")
    except sqlglot.errors.ParseError:
        tree = None
    if isinstance(tree, exp.Alter) and tree.this is not None and tree.this.name:
        found.add(tree.this.name)
    return sorted(found | set(named))


def state(conn, statement: str, tables: list[str], before: str | None) -> str:
    """"done", "rerun" or "unknown" for ``statement``, which a killed run had started (see the module)."""
    if before and digest(conn, tables) == before:
        return "rerun"
    checks = postconditions(statement)
    if checks is None:
        return "unknown"
    return "done" if all(_holds(conn, c) for c in checks) else "rerun"


def _name(node) -> str | None:
    return node.name if node is not None and node.name else None


def _type_key(dt: exp.DataType) -> str:
    """A type as MySQL prints it in COLUMN_TYPE, with an integer's display width left out."""
    if dt.this in exp.DataType.INTEGER_TYPES:
        dt = dt.copy()
        dt.set("expressions", [])
    return dt.sql("mysql").lower().replace(" ", "")


def _column(table: str, cdef: exp.ColumnDef) -> tuple | None:
    kind = cdef.args.get("kind")
    if kind is None:
        return None
    not_null = any(isinstance(c.args.get("kind"), (exp.NotNullColumnConstraint, exp.PrimaryKeyColumnConstraint))
                   and not c.args["kind"].args.get("allow_null") for c in cdef.args.get("constraints") or [])
    return Probe("column", table, cdef.name, True, _type_key(kind), not not_null)


def postconditions(statement: str) -> list[Probe] | None:
    """What the catalog shows once ``statement`` ran, as probes; None when this cannot say."""
    try:
        tree = sqlglot.parse_one(statement, read="mysql")
    except sqlglot.errors.ParseError:
        return None
    if isinstance(tree, exp.Create):
        kind = (tree.args.get("kind") or "").upper()
        target = tree.this.this if isinstance(tree.this, exp.Schema) else tree.this
        if kind == "INDEX" and isinstance(target, exp.Index) and isinstance(target.args.get("table"), exp.Table):
            return [Probe("index", target.args["table"].name, target.name)]
        if kind in ("TABLE", "VIEW") and isinstance(target, exp.Table):
            return [Probe(kind.lower(), target.name, target.name)]
        return None
    if isinstance(tree, exp.Drop) and (tree.args.get("kind") or "").upper() in ("TABLE", "VIEW"):
        kind = tree.args["kind"].upper()
        return [Probe(kind.lower(), t.name, t.name, False) for t in tree.args.get("tables") or []] or None
    if not isinstance(tree, exp.Alter) or (tree.args.get("kind") or "").upper() != "TABLE":
        return None
    table = tree.this.name
    out: list[Probe] = []
    for action in tree.args.get("actions") or []:
        probe = _action(table, action)
        if probe is None:
            return None
        out += probe
    added = {(p.kind, p.name) for p in out if p.present}
    # a key dropped and added again under its name in one statement: the added one is what shows
    out = [p for p in out if p.present or (p.kind, p.name) not in added]
    return out or None


def _action(table: str, a: exp.Expression) -> list[Probe] | None:
    if isinstance(a, exp.ModifyColumn) and isinstance(a.this, exp.ColumnDef):
        col = _column(table, a.this)
        return [col] if col else None
    if isinstance(a, exp.ColumnDef):  # ADD COLUMN
        col = _column(table, a)
        return [col] if col else None
    if isinstance(a, exp.RenameIndex):
        old, new = _name(a.this), _name(a.args.get("to"))
        return [Probe("index", table, old, False), Probe("index", table, new)] if old and new else None
    if isinstance(a, exp.Drop):
        kind = (a.args.get("kind") or "").upper()
        names = [t.name for t in a.args.get("tables") or []]
        if len(names) != 1 or not names[0]:
            return None
        if kind == "COLUMN":
            return [Probe("column", table, names[0], False)]
        if kind in ("INDEX", "KEY"):
            return [Probe("index", table, names[0], False)]
        if kind in ("CONSTRAINT", "CHECK"):
            return [Probe("constraint", table, names[0], False, types=_CHECK)]
        if kind == "FOREIGN KEY":
            return [Probe("constraint", table, names[0], False, types=_FOREIGN)]
        return None
    if isinstance(a, exp.AddConstraint):
        out = []
        for c in a.expressions:
            if isinstance(c, exp.IndexColumnConstraint) and _name(c.this):
                out.append(Probe("index", table, c.this.name))
            elif isinstance(c, exp.UniqueColumnConstraint) and isinstance(c.this, exp.Schema) and _name(c.this.this):
                out.append(Probe("index", table, c.this.this.name))
            elif isinstance(c, exp.Constraint) and _name(c.this):
                kinds = {type(k) for k in c.expressions}
                if exp.CheckColumnConstraint in kinds:
                    out.append(Probe("constraint", table, c.this.name, types=_CHECK))
                elif exp.ForeignKey in kinds:
                    out.append(Probe("constraint", table, c.this.name, types=_FOREIGN))
                else:
                    return None
            else:
                return None
        return out or None
    return None


def _holds(conn, p: Probe) -> bool:
    with conn.cursor() as cur:
        if p.kind == "column":
            cur.execute(_COLUMN, (p.table, p.name))
            row = cur.fetchone()
            if not p.present or row is None:
                return (row is None) == (not p.present)
            return _type_key(exp.DataType.build(row[0], dialect="mysql")) == p.type_key and \
                (row[1] == "YES") == p.nullable
        if p.kind == "index":
            cur.execute(_INDEX, (p.table, p.name))
        elif p.kind == "constraint":
            cur.execute(_CONSTRAINT.format(types=p.types), (p.table, p.name))
        else:
            cur.execute(_TABLE.format(types="'VIEW'" if p.kind == "view" else "'BASE TABLE'"), (p.table,))
        return (cur.fetchone()[0] > 0) == p.present
