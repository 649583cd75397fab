"""Canonical forms of MySQL/MariaDB types, defaults, CHECKs and views, applied to both sides of a diff.

What the server prints is not what the schema says, and none of these is drift:

- types: ``bigint(20)`` (display widths), ``char(36)`` for uuid, ``tinyint(1)`` for boolean,
  ``datetime(6)`` for timestamptz(6), MariaDB's ``longtext`` + ``json_valid(col)`` CHECK for JSON;
- ENUM columns: compared as value lists; missing and extra values are named (``enum_delta``);
- defaults: ``'pending'`` quoting, MariaDB's ``NULL`` text for "no default", ``current_timestamp(6)``
  vs ``CURRENT_TIMESTAMP(6)`` vs ``(CURRENT_TIMESTAMP(6))``, ``uuid()`` vs ``(uuid())``, ``0`` vs false;
- CHECKs: backticks, ``cast(x is not null as signed)`` parentheses, ``TRUE`` printed as ``1``, MySQL 8's
  ``_utf8mb4'a'`` introducers and doubly escaped quotes, MariaDB naming inline CHECKs after their column;
- foreign keys: MariaDB reports an unspecified rule as RESTRICT, MySQL as NO ACTION (InnoDB checks both
  immediately, so they are the same rule); InnoDB adds an index named after a foreign key that has none;
- views: the stored query is rewritten (``db``-qualified tables, ``AS `col``` aliases, ``count(0)``,
  ``from (a left join b on(...))``).

The desired side goes through the MySQL renderer's own choices (``render.column_type``,
``render.default_sql``, ``render.translate``), so both sides meet in the server's spelling. Every key is
built from text or sqlglot ASTs and each distinct text is parsed once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import sqlglot
from sqlglot import exp

from ...diff.hooks import CheckMeaning, DiffHooks
from ...model import expr as exprmod
from ...model.objects import Check, Column, ForeignKey, Function, Index, Module, Sql, Table, Trigger, View
from ...model.types import TypeError_
from .render import column_type, default_sql, keyed_columns
from .render import translate as translate_sql
from .types import canonical, split_quoted
from .version import ServerVersion

MARIADB_10_11 = ServerVersion(10, 11, 0, True, "10.11.0-MariaDB")

# ------------------------------------------------------------------------------------------- types

canonical_type = canonical  # one spelling of a native type, from the dialect's type map


@dataclass(frozen=True)
class EnumDelta:
    """How a live ENUM differs from the schema's value list."""

    missing: tuple[str, ...] = ()  # the schema allows them, the database rejects them
    extra: tuple[str, ...] = ()  # the database allows them, the schema does not
    reordered: bool = False  # same values, another order (ENUMs sort by position)

    def __bool__(self) -> bool:
        return bool(self.missing or self.extra or self.reordered)


def enum_delta(desired: tuple[str, ...] | None, live: tuple[str, ...] | None) -> EnumDelta:
    d, lv = tuple(desired or ()), tuple(live or ())
    missing = tuple(v for v in d if v not in lv)
    extra = tuple(v for v in lv if v not in d)
    reordered = not missing and not extra and d != lv
    return EnumDelta(missing, extra, reordered)


# ---------------------------------------------------------------------------------------- defaults

_NOW_NAMES = {"now", "current_timestamp", "localtime", "localtimestamp", "sysdate"}
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$", re.I)
_NUMERIC_NATIVE = re.compile(r"^(tinyint|smallint|mediumint|int|integer|bigint|decimal|numeric|float|double|"
                             r"real|bit|year)\b")


def _strip_outer_parens(text: str) -> str:
    t = text.strip()
    while t.startswith("(") and t.endswith(")"):
        depth, ok = 0, True
        for i, ch in enumerate(t):
            depth += ch == "("
            depth -= ch == ")"
            if depth == 0 and i < len(t) - 1:
                ok = False
                break
        if not ok:
            break
        t = t[1:-1].strip()
    return t


def _number_key(text: str) -> str:
    try:
        d = Decimal(text)
    except InvalidOperation:
        return text
    if d == d.to_integral_value():
        return str(int(d))
    return format(d.normalize(), "f")


@lru_cache(maxsize=16384)
def default_sql_key(text: str | None, native: str = "") -> str | None:
    """A key for a default written as MySQL SQL, equal whichever side or server printed it.

    ``NULL`` is "no default". String literals on numeric columns compare as numbers (MySQL 8 prints
    bare values); CURRENT_TIMESTAMP and its synonyms compare by precision; other expressions compare by
    their sqlglot tree.
    """
    if text is None:
        return None
    t = _strip_outer_parens(text)
    if not t or t.upper() == "NULL":
        return None
    numeric = bool(_NUMERIC_NATIVE.match(canonical_type(native))) if native else False
    if t.startswith("'") and t.endswith("'") and len(t) >= 2 and _is_one_literal(t):
        value = (split_quoted(t) or [""])[0]
        if numeric and _NUMBER.match(value.strip()):
            return "n:" + _number_key(value.strip())
        return "s:" + value
    if _NUMBER.match(t):
        return "n:" + _number_key(t)
    low = t.lower()
    if low in ("true", "false"):
        return "n:" + ("1" if low == "true" else "0")
    m = re.fullmatch(r"([a-z_]+)\s*(?:\(\s*(\d*)\s*\))?", low)
    if m and m.group(1) in _NOW_NAMES:
        return f"now:{int(m.group(2) or 0)}"
    try:
        tree = sqlglot.parse_one(t, read="mysql").copy()
    except Exception:
        return "x:" + " ".join(low.split())
    return "x:" + repr(_canon(tree))


def _is_one_literal(t: str) -> bool:
    """``'a'`` but not ``'a' + 'b'``."""
    i, n = 1, len(t)
    while i < n:
        ch = t[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "'":
            if i + 1 < n and t[i + 1] == "'":
                i += 2
                continue
            return i == n - 1
        i += 1
    return False


def live_default_sql(col: Column) -> str | None:
    """A live column's default as MySQL SQL (the inspector keeps MySQL's printed text)."""
    d = col.default
    if d is None:
        return None
    if d.kind == "literal":
        if d.value is None:
            return None
        if isinstance(d.value, bool):
            return "1" if d.value else "0"
        if isinstance(d.value, (int, float)):
            return str(d.value)
        v = str(d.value)
        return "'" + v.replace("\\", "\\\\").replace("'", "''") + "'"
    assert d.expression is not None
    return d.expression.override("mysql") or d.expression.text


# ------------------------------------------------------------------------------------ expressions

def unescape_check_text(text: str, version: ServerVersion) -> str:
    """MySQL 8 prints CHECK_CLAUSE with quotes escaped once more than written (``\\'a\\'``)."""
    if version.escapes_check_text_twice:
        return text.replace("\\'", "'").replace("\\\\", "\\")
    return text


def _rule(node: exp.Expression) -> exp.Expression:
    if isinstance(node, exp.Paren):
        return node.this
    if isinstance(node, exp.Identifier):
        return exp.Identifier(this=str(node.this).lower(), quoted=False)
    if isinstance(node, exp.Introducer):  # _utf8mb4'a'
        return node.expression
    if isinstance(node, exp.Boolean):
        return exp.Literal.number(1 if node.this else 0)
    if isinstance(node, exp.Anonymous) and str(node.this).lower() in _NOW_NAMES and not node.expressions:
        return exp.CurrentTimestamp()
    if isinstance(node, exp.In) and not node.args.get("query"):
        items = node.expressions
        if items and all(isinstance(i, exp.Literal) for i in items):
            uniq = {repr(i): i for i in items}
            node.set("expressions", [uniq[k] for k in sorted(uniq)])
        return node
    if isinstance(node, exp.Or):
        terms, col, values = _or_terms(node), None, []
        for t in terms:
            if isinstance(t, exp.EQ) and isinstance(t.this, exp.Column) and isinstance(t.expression, exp.Literal):
                c, v = t.this, [t.expression]
            elif isinstance(t, exp.In) and isinstance(t.this, exp.Column) and t.expressions and \
                    all(isinstance(i, exp.Literal) for i in t.expressions):
                c, v = t.this, list(t.expressions)
            else:
                return node
            if col is not None and repr(c) != repr(col):
                return node
            col, values = c, values + v
        uniq = {repr(i): i for i in values}
        return exp.In(this=col, expressions=[uniq[k] for k in sorted(uniq)])
    if isinstance(node, exp.Count):
        inner = node.this
        if isinstance(inner, exp.Star) or (isinstance(inner, exp.Literal) and not inner.is_string
                                           and inner.this in ("0", "1")):
            return exp.Count(this=exp.Star())
        node.set("big_int", None)
    return node


def _or_terms(node: exp.Expression) -> list[exp.Expression]:
    if isinstance(node, exp.Or):
        return _or_terms(node.this) + _or_terms(node.expression)
    return [node]


def _canon(node: exp.Expression) -> exp.Expression:
    for key, val in list(node.args.items()):
        if isinstance(val, exp.Expression):
            node.set(key, _canon(val))
        elif isinstance(val, list):
            node.set(key, [_canon(v) if isinstance(v, exp.Expression) else v for v in val])
    return _rule(node)


@lru_cache(maxsize=65536)
def expression_key(text: str) -> str:
    """A key equal for two MySQL expressions with the same meaning (as the server or the renderer
    printed them): identifiers unquoted and lower-cased, parentheses, introducers and TRUE/1 evened out,
    IN lists sorted."""
    t = text.strip().rstrip(";").strip()
    try:
        tree = exprmod.parse(t, "mysql").copy()
    except Exception:
        return "text:" + " ".join(t.lower().replace("`", "").split())
    return repr(_canon(tree))


@lru_cache(maxsize=16384)
def check_meaning(text: str) -> CheckMeaning:
    """Key, columns read and, for ``col IN (...)`` in any spelling (OR chains, introducers, parentheses),
    the value set."""
    t = text.strip().rstrip(";").strip()
    try:
        tree = _canon(exprmod.parse(t, "mysql").copy())
    except Exception:
        return CheckMeaning(key=expression_key(text))
    columns = frozenset(c.name.lower() for c in tree.find_all(exp.Column))
    vs = None
    if isinstance(tree, exp.In) and isinstance(tree.this, exp.Column) and not tree.this.table and \
            tree.expressions and all(isinstance(i, exp.Literal) and i.is_string for i in tree.expressions):
        vs = (tree.this.name.lower(), frozenset(i.this for i in tree.expressions))
    elif isinstance(tree, exp.EQ) and isinstance(tree.this, exp.Column) and isinstance(tree.expression, exp.Literal) \
            and tree.expression.is_string:
        vs = (tree.this.name.lower(), frozenset([tree.expression.this]))
    return CheckMeaning(key=repr(tree), columns=columns, value_set=vs)


_JSON_VALID = re.compile(r"^\(?\s*json_valid\s*\(\s*`?([^`()]+?)`?\s*\)\s*\)?$", re.I)


def json_valid_column(check_text: str) -> str | None:
    """The column of MariaDB's automatic ``json_valid(`col`)`` CHECK, else None."""
    m = _JSON_VALID.match(check_text.strip())
    return m.group(1) if m else None


def is_implicit_json_check(table: Table, check: Check) -> bool:
    """MariaDB's own CHECK on a JSON column: named after the column, ``json_valid(`col`)``."""
    col = json_valid_column(check.expression.override("mysql") or check.expression.text)
    return col is not None and col == check.name and table.column(col) is not None


def is_implicit_fk_index(table: Table, index: Index) -> bool:
    """The index InnoDB adds for a foreign key that has none: named after the key, on its columns."""
    if index.unique:
        return False
    for fk in table.foreign_keys:
        if fk.name == index.name and tuple(index.columns) == tuple(fk.columns):
            return True
    return False


# ------------------------------------------------------------------------------------------ views

@lru_cache(maxsize=4096)
def query_key(text: str, database: str | None = None) -> str:
    """A key for a view query, equal for the author's text and the server's stored rewrite."""
    t = text.strip().rstrip(";").strip()
    try:
        tree = sqlglot.parse_one(t, read="mysql")  # a fresh tree, not the shared cache's: no copy
    except Exception:
        return "text:" + " ".join(t.lower().split())
    hoisted = False
    for sel in list(tree.find_all(exp.Select)):
        frm = sel.args.get("from_") or sel.args.get("from")
        if frm is not None and isinstance(frm.this, exp.Subquery) and isinstance(frm.this.this, exp.Table) \
                and frm.this.this.args.get("joins") and not frm.this.args.get("alias"):
            inner = frm.this.this
            joins = inner.args.get("joins") or []
            inner.set("joins", None)
            frm.set("this", inner)
            sel.set("joins", list(joins) + list(sel.args.get("joins") or []))
            hoisted = True
    if hoisted:  # print and parse again, so the tree's arguments come back in parse order
        tree = sqlglot.parse_one(tree.sql(dialect="mysql"), read="mysql")
    unaliased_tables = set()
    for tbl in tree.find_all(exp.Table):
        if database is not None and tbl.args.get("db") is not None and \
                str(tbl.args["db"].this).lower() == database.lower():
            tbl.set("db", None)
        if not tbl.args.get("alias"):
            unaliased_tables.add(tbl.name.lower())
    for col in tree.find_all(exp.Column):
        tq = col.args.get("table")
        if tq is not None and str(tq.this).lower() in unaliased_tables:
            col.set("table", None)
    tree = _canon(tree)
    for sel in tree.find_all(exp.Select):
        sel.set("expressions", [e.this if isinstance(e, exp.Alias) and _output_name(e.this) == e.alias.lower()
                                else e for e in sel.expressions])
    return repr(tree)


def _output_name(node: exp.Expression) -> str:
    return node.name.lower() if isinstance(node, exp.Column) else ""


# ------------------------------------------------------------------------------------------ hooks

_FK_RULES = {"restrict": "no action", "no action": "no action", "cascade": "cascade", "set null": "set null",
             "set default": "no action"}


def fk_rule(rule: str | None) -> str:
    """InnoDB checks keys immediately, so RESTRICT and NO ACTION are one rule; SET DEFAULT is refused
    (the renderer writes NO ACTION)."""
    return _FK_RULES.get((rule or "no action").lower(), (rule or "").lower())


class MysqlHooks(DiffHooks):
    """The MySQL/MariaDB answers to the differ's questions.

    A desired column's MySQL type depends on its table (an indexed text column becomes
    ``varchar(255)``), so the hooks are bound to the desired module with :meth:`for_module`; a live
    column carries its server type in ``type_overrides``.
    """

    dialect = "mysql"
    rls = False
    checks = True

    def __init__(self, version: ServerVersion = MARIADB_10_11, desired: Module | Sequence[Module] | None = None,
                 database: str | None = None):
        self.version = version
        self.database = database
        modules = () if desired is None else (desired,) if isinstance(desired, Module) else tuple(desired)
        self._keyed: dict[str, set[str]] = {}
        # desired columns by identity -> table name, so native_type(col) can ask whether it is keyed
        self._table_of: dict[int, str] = {}
        # native_type by column identity (the column is kept, so its id is not reused): the differ asks
        # about each column several times, for its type, its default and the default's key
        self._native: dict[int, tuple[Column, str]] = {}
        self._desired = modules
        for m in modules:
            for name, cols in keyed_columns(m).items():
                self._keyed.setdefault(name, set()).update(cols)
            for t in m.tables:
                for c in t.columns:
                    self._table_of[id(c)] = t.name

    def for_module(self, desired: Module | Sequence[Module], database: str | None = None) -> MysqlHooks:
        """Hooks bound to the desired module(s): the audited one and the ones it requires."""
        return MysqlHooks(self.version, desired, database or self.database)

    # -- columns ----------------------------------------------------------------------------------
    def native_type(self, col: Column) -> str:
        hit = self._native.get(id(col))
        if hit is not None and hit[0] is col:
            return hit[1]
        native = self._native_type(col)
        self._native[id(col)] = (col, native)
        return native

    def _native_type(self, col: Column) -> str:
        override = col.type_override("mysql")
        if override:
            return canonical_type(override)
        table = self._table_of.get(id(col))
        keyed = table is not None and col.name in self._keyed.get(table, ())
        try:
            return canonical_type(column_type(col, keyed))
        except (TypeError_, KeyError):
            return canonical_type(col.type)

    def column_type_equal(self, desired: Column, live: Column) -> bool:
        d, lv = self.native_type(desired), self.native_type(live)
        if d == lv:
            return True
        # MariaDB's JSON is LONGTEXT (its json_valid CHECK is matched separately)
        return d == "json" and lv == "longtext" and self.version.json_is_longtext

    def enum_delta(self, desired: Column, live: Column) -> EnumDelta:
        """Missing and extra ENUM values (also when one side is not an ENUM at all: then empty)."""
        if desired.enum is None or live.enum is None:
            return EnumDelta()
        return enum_delta(desired.enum, live.enum)

    def enum_values_delta(self, desired: Column, live: Column) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        if desired.enum is None or live.enum is None:
            return None
        d = enum_delta(desired.enum, live.enum)
        return (d.missing, d.extra) if (d.missing or d.extra) else None

    def default_sql(self, col: Column) -> str | None:
        """The default as MySQL SQL: the renderer's text for a desired column, the server's for a live one."""
        if col.default is None:
            return None
        if col.type_override("mysql") is not None and col.origin.catalog is not None:
            return live_default_sql(col)
        try:
            return default_sql(col, col.default, self.native_type(col))
        except Exception:
            return live_default_sql(col)

    def default_key(self, col: Column) -> str | None:
        if col.generated is not None or col.identity:
            return None
        return default_sql_key(self.default_sql(col), self.native_type(col))

    def default_text(self, col: Column) -> str | None:
        text = self.default_sql(col)
        return None if text is None or text.strip().upper() == "NULL" else text

    def generated_key(self, col: Column) -> str | None:
        return self.expression_key(col.generated)

    def collation_equal(self, desired: Column, live: Column) -> bool:
        return True  # the schema's collations are PostgreSQL's; the renderer warns and keeps the table's

    # -- expressions ------------------------------------------------------------------------------
    def sql_text(self, s: Sql | None) -> str | None:
        if s is None:
            return None
        over = s.override("mysql")
        if over is not None:
            return over
        try:
            return translate_sql(s)
        except Exception:
            return s.text

    def expression_key(self, s: Sql | None) -> str | None:
        text = self.sql_text(s)
        return None if text is None else expression_key(text)

    def check_meaning(self, check: Check) -> CheckMeaning:
        text = self.sql_text(check.expression) or ""
        if check.origin.catalog is not None:  # live text as the server printed it
            text = unescape_check_text(text, self.version)
        return check_meaning(text)

    def is_implicit_check(self, table: Table, check: Check) -> bool:
        """A live CHECK the server adds by itself (MariaDB's json_valid on JSON columns)."""
        return self.version.json_is_longtext and is_implicit_json_check(table, check)

    def is_implicit_index(self, table: Table, index: Index) -> bool:
        """A live index InnoDB adds for a foreign key that has no index of its own."""
        return is_implicit_fk_index(table, index)

    # -- keys, indexes, views ---------------------------------------------------------------------
    primary_key_names = False  # every MySQL primary key is called PRIMARY

    def same_name(self, a: str | None, b: str | None) -> bool:
        return (a or "").lower() == (b or "").lower()  # index and constraint names ignore case

    def is_generated_name(self, table: Table, of: str, obj: object, name: str) -> bool:
        """``<table>_ibfk_<n>``; a key named after its first column (``_<n>`` when taken); a CHECK named
        after its column, ``CONSTRAINT_<n>`` (MariaDB) or ``<table>_chk_<n>`` (MySQL 8)."""
        low, t = name.lower(), re.escape(table.name.lower())
        if of == "foreign key":
            return re.fullmatch(t + r"_ibfk_\d+", low) is not None
        if of in ("index", "unique key"):
            first = next((p.column for p in obj.parts if p.column), None) if of == "index" else obj.columns[0]
            return first is not None and re.fullmatch(re.escape(first.lower()) + r"(?:_\d+)?", low) is not None
        if of == "check":
            cols = {c.lower() for c in self.check_meaning(obj).columns}
            return low in cols or re.fullmatch(r"constraint_\d+|" + t + r"_chk_\d+", low) is not None
        return False

    def fk_rule(self, rule: str | None) -> str:
        return fk_rule(rule)

    def foreign_key_attrs(self, fk: ForeignKey) -> dict[str, object]:
        # DEFERRABLE and MATCH FULL do not exist on InnoDB (the renderer warns); RESTRICT is NO ACTION
        return {"on_delete": fk_rule(fk.on_delete), "on_update": fk_rule(fk.on_update)}

    def foreign_key_kinds(self, desired: ForeignKey, live: ForeignKey) -> frozenset[str]:
        kinds = set()
        if fk_rule(desired.on_delete) != fk_rule(live.on_delete):
            kinds.add("on_delete")
        if fk_rule(desired.on_update) != fk_rule(live.on_update):
            kinds.add("on_update")
        if (desired.ref_table.lower(), tuple(c.lower() for c in desired.ref_columns)) != \
                (live.ref_table.lower(), tuple(c.lower() for c in live.ref_columns)):
            kinds.add("references")
        return frozenset(kinds)  # DEFERRABLE and MATCH FULL do not exist on InnoDB (the renderer warns)

    def index_key(self, ix: Index) -> tuple:
        # MySQL has no partial indexes, INCLUDE or index methods other than BTREE on InnoDB (the
        # renderer warns about each); DESC is stored only where the server supports it.
        desc = self.version.supports_descending_index
        parts = tuple((p.column.lower() if p.column else None,
                       expression_key(self.sql_text(p.expression) or "") if p.expression is not None else None,
                       p.descending and desc) for p in ix.parts)
        return (ix.unique, "btree", parts, None, ())  # (unique, method, parts, where, include) as the differ reads it

    def index_expressible(self, table: Table, ix: Index) -> bool:
        """Whether the renderer creates this desired index on MySQL at all (it warns and skips the rest)."""
        if any(p.expression is not None for p in ix.parts):
            return False
        if ix.method in ("gin", "gist", "spgist", "brin"):
            return False
        if ix.where is not None and ix.unique:
            return False
        for c in ix.columns:
            col = table.column(c)
            if col is not None and self.native_type(col) == "json":
                return False
        return True

    def view_key(self, view: View) -> str | None:
        q = view.definition("mysql")
        return None if q is None else query_key(q, self.database)

    def view_equal(self, desired: View, live: View) -> bool:
        return self.view_key(desired) == self.view_key(live)

    def view_comment(self, view: View) -> str | None:
        return None  # MySQL views have no comments

    def view_option_kinds(self, desired: View, live: View) -> frozenset[str]:
        """MySQL view options the query text does not carry: ALGORITHM (unknown on MySQL 8, then not
        compared) and SQL SECURITY. CHECK OPTION is compared by the differ for every dialect."""
        kinds = set()
        if live.algorithm is not None and (desired.algorithm or "UNDEFINED").upper() != live.algorithm.upper():
            kinds.add("algorithm")
        if (desired.security or "DEFINER").upper() != (live.security or "DEFINER").upper():
            kinds.add("security")
        return frozenset(kinds)

    # -- routines ---------------------------------------------------------------------------------
    def function_key(self, fn: Function) -> tuple:
        return (fn.name.lower(), fn.kind)

    def function_kinds(self, desired: Function, live: Function) -> frozenset[str]:
        kinds = set()
        if " ".join(_routine_body(desired.body).split()) != " ".join(_routine_body(live.body).split()):
            kinds.add("body")
        if desired.security_definer != live.security_definer:
            kinds.add("security")
        return frozenset(kinds)

    def trigger_kinds(self, desired: Trigger, live: Trigger) -> frozenset[str]:
        kinds = set(super().trigger_kinds(desired, live))
        if " ".join(_trigger_body(desired.sql).split()) != " ".join(_trigger_body(live.sql).split()):
            kinds.add("body")
        return frozenset(kinds)


def _routine_body(text: str) -> str:
    """The body of a CREATE FUNCTION/PROCEDURE statement, or the text when it is a body already."""
    m = re.search(r"\)\s*(?:returns\s+[^\n]*?\s+)?((?:begin|return)\b.*)$", text or "", re.I | re.S)
    return (m.group(1) if m and re.match(r"\s*create\b", text, re.I) else text or "").strip().rstrip(";")


def _trigger_body(text: str) -> str:
    m = re.search(r"\bfor\s+each\s+row\s+(.*)$", text or "", re.I | re.S)
    return (m.group(1) if m else text or "").strip().rstrip(";")


HOOKS = MysqlHooks()

__all__ = ["HOOKS", "EnumDelta", "MysqlHooks", "canonical_type", "check_meaning", "default_sql_key",
           "enum_delta", "expression_key", "fk_rule", "is_implicit_fk_index", "is_implicit_json_check",
           "json_valid_column", "query_key", "unescape_check_text"]
