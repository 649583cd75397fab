"""Canonical forms of MySQL/MariaDB types, defaults, CHECKs and views, applied to both sides of a diff.

What the server prints is not what the schema says, and none of these is drift:

- types: ``bigint(20)`` (display widths), ``char(36)`` for uuid, ``tinyint(1)`` for boolean,
  ``datetime(6)`` for timestamptz(6), MariaDB's ``longtext`` + ``json_valid(col)`` CHECK for JSON;
- ENUM columns: compared as value lists; missing and extra values are named (``enum_delta``);
- defaults: ``'pending'`` quoting, MariaDB's ``NULL`` text for "no default", ``current_timestamp(6)``
  vs ``CURRENT_TIMESTAMP(6)`` vs ``(CURRENT_TIMESTAMP(6))``, ``uuid()`` vs ``(uuid())``, ``0`` vs false;
- CHECKs: backticks, ``cast(x is not null as signed)`` parentheses, ``TRUE`` printed as ``1``, MySQL 8's
  ``_utf8mb4'a'`` introducers and doubly escaped quotes, MariaDB naming inline CHECKs after their column;
- foreign keys: a rule the schema leaves at "no action" is the engine's default, which MariaDB stores as
  RESTRICT and MySQL as NO ACTION; a NO ACTION written out (``no_action_spelled``) is stored as such, and
  MariaDB prints it apart from its default; InnoDB adds an index named after a foreign key that has none;
- views: the stored query is rewritten (``db``-qualified tables, ``AS `col``` aliases, ``count(0)``,
  ``from (a left join b on(...))``).

The desired side goes through the MySQL renderer's own choices (``render.column_type``,
``render.default_sql``, ``render.translate``), so both sides meet in the server's spelling. The keys of
defaults, expressions and view queries are built in ``canon.py`` (each distinct text parsed once); the
character set rule is ``charsets.py``'s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...diff.hooks import CheckMeaning, DiffHooks
from ...model.objects import Check, Column, ForeignKey, Function, Index, Module, Sql, Table, Trigger, View
from ...model.types import TypeError_
from . import charsets
from .canon import (
    check_meaning,
    default_sql_key,
    expression_key,
    live_default_sql,
    query_key,
    unescape_check_text,
)
from .fkrules import fk_rule, fk_rules, model_rules
from .inspect import table_options
from .render import column_type, default_sql, keyed_columns, on_update_sql
from .render import translate as translate_sql
from .types import canonical
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


# ------------------------------------------------------------------------------------------ hooks


class MysqlHooks(DiffHooks):
    """The MySQL/MariaDB answers to the differ's questions.

    A desired column's MySQL type depends on its table (an indexed text column becomes
    ``varchar(255)``), so the hooks are bound to the desired module with :meth:`for_module`; a live
    column carries its server type in ``type_overrides``.
    """

    dialect = "mysql"
    rls = False
    checks = True
    column_order = True
    invisible_columns = True
    checks_kept_as_written = True

    def __init__(self, version: ServerVersion = MARIADB_10_11, desired: Module | Sequence[Module] | None = None,
                 database: str | None = None, live: Module | None = None):
        self.version = version
        self.database = database
        self.live = live
        # what a table naming no character set inherits: the live database's default
        self.database_text = (charsets.canonical(live.mysql_charset), charsets.canonical(live.mysql_collation)) \
            if live is not None else charsets.NONE
        # column identity -> (table, module) on either side, for the character set a column inherits
        self._owner: dict[int, tuple[Table, Module | None]] = {}
        self._module_of: dict[int, Module] = {}
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
                self._module_of[id(t)] = m
                for c in t.columns:
                    self._table_of[id(c)] = t.name
                    self._owner[id(c)] = (t, m)
        for t in live.tables if live is not None else ():
            for c in t.columns:
                self._owner[id(c)] = (t, None)

    def for_module(self, desired: Module | Sequence[Module], database: str | None = None,
                   live: Module | None = None) -> MysqlHooks:
        """Hooks bound to the desired module(s), the audited one and the ones it requires, and to the live
        module (its database's default character set)."""
        return MysqlHooks(self.version, desired, database or self.database, live if live is not None else self.live)

    def place(self, namespace: str) -> str:
        return f"database {self.database}" if self.database else namespace

    def qualified(self, namespace: str, name: str) -> str:
        return f"{self.database}.{name}" if self.database else name

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
        # MariaDB's JSON is LONGTEXT with its json_valid CHECK: a LONGTEXT without one is not JSON
        if not (d == "json" and lv == "longtext" and self.version.json_is_longtext):
            return False
        table = self._owner.get(id(live), (None, None))[0]
        return table is None or any(is_implicit_json_check(table, ck) and ck.name == live.name for ck in table.checks)

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
        key = self.expression_key(col.generated)
        return None if key is None else key + (" VIRTUAL" if col.virtual else " STORED")

    # -- character sets and collations (charsets.py holds the rule) --------------------------------
    def table_text(self, table: Table) -> charsets.Text:
        """A desired table's effective (character set, collation); a live table's as the server says."""
        if table.origin.catalog is not None:
            return charsets.own(table) or self.database_text
        return charsets.of_table(table, self._module_of.get(id(table)), self.database_text)

    def column_text(self, col: Column) -> charsets.Text:
        table, module = self._owner.get(id(col), (None, None))
        if col.origin.catalog is not None or table is None:
            return charsets.own(col) or charsets.NONE
        return charsets.own(col) or self.table_text(table)

    def collation_equal(self, desired: Column, live: Column) -> bool:
        """Text columns only (the server reports none for others). A column that inherits must carry its
        live table's collation, so a later change of the table's default reaches it."""
        have = charsets.own(live)
        if have is None or self.native_type(desired) == "json":  # MariaDB's JSON text is utf8mb4_bin, always
            return True
        if not charsets.same(self.column_text(desired), have):
            return False
        table = self._owner.get(id(live), (None, None))[0]
        desired_table = self._owner.get(id(desired), (None, None))[0]
        if charsets.own(desired) is None and None not in (table, desired_table) and charsets.own(table) is not None \
                and charsets.same(self.table_text(desired_table), charsets.own(table)):
            return charsets.canonical(have[1]) == charsets.canonical(table.mysql_collation)
        return True

    def collation_text(self, col: Column) -> str | None:
        return charsets.label(self.column_text(col))

    def table_option_delta(self, desired: Table, live: Table) -> tuple[tuple[str, str | None, str | None], ...]:
        out: tuple[tuple[str, str | None, str | None], ...] = ()
        engine = desired.mysql_engine or "InnoDB"
        if live.mysql_engine and engine.lower() != live.mysql_engine.lower():
            out += (("engine", engine, live.mysql_engine),)
        want_options = table_options(desired.mysql_options)
        if (want_options or "").lower() != (live.mysql_options or "").lower():
            out += (("options", want_options, live.mysql_options),)
        want, have = self.table_text(desired), charsets.own(live)
        if have is not None and not charsets.same(want, have):
            out += (("charset", charsets.charset_of(want), have[0]), ("collation", want[1], have[1]))
        return out

    def on_update_key(self, col: Column) -> str | None:
        if col.on_update is None:
            return None
        text = col.on_update.override("mysql") if col.origin.catalog is not None else None
        try:
            text = text or on_update_sql(col)
        except Exception:
            text = col.on_update.text
        return default_sql_key(text)

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
        return check_meaning(text, self.checks_kept_as_written)

    def check_placement_differs(self, desired: Check, live: Check) -> bool:
        return self.version.checks_have_level and desired.inline != live.inline

    def is_implicit_check(self, table: Table, check: Check) -> bool:
        """A live CHECK the server adds by itself (MariaDB's json_valid on JSON columns)."""
        return self.version.json_is_longtext and is_implicit_json_check(table, check)

    def is_implicit_index(self, table: Table, index: Index) -> bool:
        """A live index InnoDB adds for a foreign key that has no index of its own."""
        return is_implicit_fk_index(table, index)

    # -- keys, indexes, views ---------------------------------------------------------------------
    primary_key_names = False  # every MySQL primary key is called PRIMARY

    def column_key(self, name: str) -> str:
        return name.lower()  # column names ignore case

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
        return fk_rule(rule, maria=self.version.maria)

    def foreign_key_attrs(self, fk: ForeignKey) -> dict[str, object]:
        # DEFERRABLE and MATCH FULL do not exist on InnoDB (the renderer warns); rules as the server stores them
        on_delete, on_update = fk_rules(fk, self.version.maria)
        return {"on_delete": on_delete, "on_update": on_update}

    def foreign_key_kinds(self, desired: ForeignKey, live: ForeignKey) -> frozenset[str]:
        kinds = set()
        d, lv = fk_rules(desired, self.version.maria), fk_rules(live, self.version.maria)
        if d[0] != lv[0]:
            kinds.add("on_delete")
        if d[1] != lv[1]:
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
                       p.descending and desc, p.length) for p in ix.parts)
        # (unique, method, parts, where, include, ignored, parser, comment) as the differ reads it; InnoDB
        # builds every USING HASH index as a BTREE one
        method = ix.method if ix.method in ("fulltext", "spatial") else "btree"
        return (ix.unique, method, parts, None, (), ix.ignored, (ix.parser or "").lower() or None, ix.comment or None)

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
           "enum_delta", "expression_key", "fk_rule", "fk_rules", "model_rules", "is_implicit_fk_index",
           "is_implicit_json_check",
           "json_valid_column", "query_key", "unescape_check_text"]
