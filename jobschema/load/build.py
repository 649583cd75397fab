"""Turn a ``schema/`` folder into one validated ``Project``.

Every problem is collected with its ``file:line:col`` and raised together as ``LoadErrors`` so a user fixes
them in one pass; nothing downstream ever sees a half-valid model.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from typing import Any

from ..errors import LoadError, LoadErrors
from ..model import expr as exprmod
from ..model.objects import (
    DIALECTS,
    Check,
    Column,
    Default,
    ForeignKey,
    Function,
    Index,
    IndexPart,
    LintIgnore,
    Module,
    Origin,
    Policy,
    PrimaryKey,
    Project,
    Rls,
    Sql,
    Table,
    Trigger,
    UniqueKey,
    View,
)
from ..model.types import TypeError_, parse_type
from . import sqlfile
from .cache import FolderCache, QueryCache, digest
from .validate import validate_module
from .yaml_source import MAX_BYTES, Pos, YDict, YList, load_yaml

MODULE_KEYS = {"module": True, "description": False, "namespace": False, "database": False,
               "dialects": False, "requires": False, "extensions": False, "schemas": False}
TABLE_KEYS = {"table": True, "namespace": False, "comment": False, "minimal": False, "columns": True,
              "primary_key": False, "unique": False, "indexes": False, "foreign_keys": False,
              "checks": False, "rls": False, "mysql": False, "lint": False}
COLUMN_KEYS = {"name": True, "type": True, "nullable": False, "default": False, "comment": False,
               "enum": False, "enum_check_name": False, "legacy_values": False, "types": False,
               "identity": False, "generated": False, "collation": False, "on_update": False}
PK_KEYS = {"name": False, "columns": True}
UNIQUE_KEYS = {"name": True, "columns": True, "nulls_not_distinct": False}
INDEX_KEYS = {"name": True, "columns": True, "unique": False, "method": False, "where": False,
              "include": False, "comment": False}
INDEX_PART_KEYS = {"column": False, "expression": False, "desc": False, "opclass": False}
FK_KEYS = {"name": False, "columns": True, "references": True, "on_delete": False, "on_update": False,
           "deferrable": False, "initially_deferred": False, "match": False, "comment": False}
REF_KEYS = {"table": True, "columns": True, "namespace": False}
CHECK_KEYS = {"name": True, "expression": True, "comment": False}
RLS_KEYS = {"enabled": False, "forced": False, "policies": False}
POLICY_KEYS = {"name": True, "command": False, "roles": False, "permissive": False, "using": False,
               "with_check": False, "comment": False}
MYSQL_KEYS = {"engine": False}
LINT_KEYS = {"ignore": True, "reason": True}
DEFAULT_KEYS = {"sql": False, "value": False}

FK_ACTIONS = ("no action", "restrict", "cascade", "set null", "set default")
POLICY_COMMANDS = ("all", "select", "insert", "update", "delete")
INDEX_METHODS = ("btree", "hash", "gin", "gist", "brin", "spgist")
IDENTITY = ("always", "by default")
SQL_KEYWORD_DEFAULTS = {"current_timestamp", "current_date", "current_time", "localtimestamp",
                        "localtime", "null", "true", "false", "current_user", "session_user"}
_CALL_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*\s*\(.*\)(\s*::\s*[A-Za-z_ ]+(\[\])?)?$", re.DOTALL)


class Reader:
    """Collects errors while reading raw mappings into model objects."""

    def __init__(self) -> None:
        self.errors: list[LoadError] = []

    def err(self, pos: Pos, message: str, hint: str | None = None) -> None:
        self.errors.append(pos.error(message, hint))

    # -- shape helpers ----------------------------------------------------------------------------
    def mapping(self, value: Any, pos: Pos, what: str) -> YDict | None:
        if isinstance(value, YDict):
            return value
        self.err(pos, f"{what} must be a mapping, not {_kind(value)}")
        return None

    def keys(self, d: YDict, allowed: dict[str, bool], what: str) -> bool:
        ok = True
        for key in d:
            if not isinstance(key, str) or key not in allowed:
                close = difflib.get_close_matches(str(key), list(allowed), n=1)
                hint = f"did you mean {close[0]!r}?" if close else "known keys: " + ", ".join(sorted(allowed))
                self.err(d.kpos(key), f"unknown key {key!r} in {what}", hint)
                ok = False
        for key, required in allowed.items():
            if required and key not in d:
                self.err(d.pos, f"{what} lacks the required key {key!r}")
                ok = False
            elif required and d[key] is None:
                self.err(d.vpos(key), f"{what}.{key} is required but empty")
                ok = False
        return ok

    def string(self, d: YDict, key: str, what: str, default: str | None = None) -> str | None:
        if key not in d or d[key] is None:
            return default
        v = d[key]
        if isinstance(v, bool) or not isinstance(v, (str, int, float)):
            self.err(d.vpos(key), f"{what}.{key} must be a string, not {_kind(v)}")
            return default
        return str(v)

    def name(self, d: YDict, key: str, what: str) -> str | None:
        v = self.string(d, key, what)
        if v is None:
            return None
        if not v.strip() or "\x00" in v or len(v.encode("utf-8")) > 63 or v != v.strip():
            self.err(d.vpos(key), f"{what}.{key} {v!r} is not a usable name",
                     "names are 1-63 bytes of UTF-8 without leading or trailing spaces")
            return None
        return v

    def boolean(self, d: YDict, key: str, what: str, default: bool) -> bool:
        if key not in d or d[key] is None:
            return default
        v = d[key]
        if not isinstance(v, bool):
            self.err(d.vpos(key), f"{what}.{key} must be true or false, not {v!r}")
            return default
        return v

    def strings(self, d: YDict, key: str, what: str, allow_scalar: bool = False) -> tuple[str, ...]:
        if key not in d or d[key] is None:
            return ()
        v = d[key]
        if allow_scalar and isinstance(v, str):
            return (v,)
        if not isinstance(v, YList):
            self.err(d.vpos(key), f"{what}.{key} must be a list, not {_kind(v)}")
            return ()
        out = []
        for i, item in enumerate(v):
            if isinstance(item, bool) or not isinstance(item, (str, int, float)):
                self.err(v.ipos(i), f"{what}.{key}[{i}] must be a string, not {_kind(item)}")
                continue
            out.append(str(item))
        return tuple(out)

    def choice(self, d: YDict, key: str, what: str, choices: tuple[str, ...], default: str) -> str:
        v = self.string(d, key, what)
        if v is None:
            return default
        norm = " ".join(v.lower().replace("_", " ").split())
        if norm not in choices:
            close = difflib.get_close_matches(norm, list(choices), n=1)
            hint = f"did you mean {close[0]!r}?" if close else "one of: " + ", ".join(choices)
            self.err(d.vpos(key), f"{what}.{key} {v!r} is not allowed", hint)
            return default
        return norm

    def sql(self, d: YDict, key: str, what: str, origin: Origin) -> Sql | None:
        """An expression: a string in PostgreSQL SQL, or {postgres: ..., mysql: ...}."""
        if key not in d or d[key] is None:
            return None
        v = d[key]
        pos = d.vpos(key)
        if isinstance(v, bool):
            return Sql("true" if v else "false")
        if isinstance(v, (int, float)):
            v = str(v)
        if isinstance(v, str):
            self.parse_check(v, "postgres", pos, f"{what}.{key}")
            return Sql(v)
        if isinstance(v, YDict):
            if not self.keys(v, {"postgres": True, "mysql": False}, f"{what}.{key}"):
                return None
            texts = {}
            for dialect in ("postgres", "mysql"):
                if dialect in v:
                    t = self.string(v, dialect, f"{what}.{key}")
                    if t is not None:
                        self.parse_check(t, dialect, v.vpos(dialect), f"{what}.{key}.{dialect}")
                        texts[dialect] = t
            if "postgres" not in texts:
                return None
            return Sql(texts["postgres"], tuple((k, t) for k, t in texts.items() if k != "postgres"))
        self.err(pos, f"{what}.{key} must be an SQL string or a mapping of dialect to SQL, not {_kind(v)}")
        return None

    def parse_check(self, text: str, dialect: str, pos: Pos, what: str) -> None:
        problem = exprmod.parse_problem(text, dialect)
        if problem:
            self.err(pos, f"{what} is not a valid {dialect} expression: {problem}", f"got {text!r}")


def _kind(v: Any) -> str:
    if v is None:
        return "nothing"
    if isinstance(v, bool):
        return "a boolean"
    if isinstance(v, dict):
        return "a mapping"
    if isinstance(v, list):
        return "a list"
    if isinstance(v, (int, float)):
        return "a number"
    return f"the text {v!r}" if len(str(v)) < 40 else "a string"


def _origin(pos: Pos) -> Origin:
    return Origin(pos.file, pos.line, pos.col)


# ---------------------------------------------------------------------------------------- columns

def _read_default(r: Reader, d: YDict, ltype, enum, what: str) -> Default | None:
    if "default" not in d:
        return None
    v = d["default"]
    pos = d.vpos("default")
    if v is None:
        return None
    base = ltype.base if ltype else None
    if isinstance(v, YDict) and set(v) & set(DEFAULT_KEYS):
        if not r.keys(v, DEFAULT_KEYS, f"{what}.default") or len(v) != 1:
            if len(v) != 1:
                r.err(pos, f"{what}.default takes one of 'sql' or 'value'")
            return None
        if "value" in v:
            val = v["value"]
            if isinstance(val, (YDict, YList)):
                return Default.literal(json.dumps(val, sort_keys=True, separators=(",", ":")))
            return Default.literal(val)
        s = r.sql(v, "sql", f"{what}.default", _origin(pos))
        return Default("expression", None, s) if s else None
    if isinstance(v, (YDict, YList)):
        if base in ("json", "jsonb"):
            return Default.literal(json.dumps(v, sort_keys=True, separators=(",", ":")))
        r.err(pos, f"{what}.default must be a value or an SQL expression, not {_kind(v)}",
              "write {sql: ...} for an expression or {value: ...} for a literal")
        return None
    if isinstance(v, (bool, int, float)):
        return Default.literal(v)
    text = str(v)
    texty = (ltype is not None and ltype.is_text_like) or enum is not None
    looks_sql = bool(_CALL_RE.match(text.strip())) or text.strip().lower() in SQL_KEYWORD_DEFAULTS
    if texty and not looks_sql:
        return Default.literal(text)
    r.parse_check(text, "postgres", pos, f"{what}.default")
    return Default.expr(text)


def _read_column(r: Reader, raw: Any, pos: Pos, table: str) -> Column | None:
    d = r.mapping(raw, pos, f"a column of table {table!r}")
    if d is None:
        return None
    name = r.name(d, "name", f"column of {table}") if "name" in d else None
    what = f"column {table}.{name}" if name else f"a column of table {table!r}"
    r.keys(d, COLUMN_KEYS, what)
    if name is None:
        return None
    ltype = None
    tspec = r.string(d, "type", what)
    if tspec is not None:
        try:
            ltype = parse_type(tspec)
        except TypeError_ as exc:
            r.err(d.vpos("type"), f"{what}: {exc}")
    enum = None
    if "enum" in d:
        values = r.strings(d, "enum", what)
        if not values:
            r.err(d.vpos("enum"), f"{what}.enum must list at least one value")
        elif len(set(values)) != len(values):
            dup = sorted({x for x in values if values.count(x) > 1})
            r.err(d.vpos("enum"), f"{what}.enum repeats {', '.join(map(repr, dup))}")
        else:
            enum = values
        if ltype is not None and not ltype.is_text_like:
            r.err(d.vpos("type"), f"{what}: an enum column must have a text type, not {ltype}",
                  "use text or varchar(n)")
    legacy: list[tuple[str, str]] = []
    if "legacy_values" in d:
        lv = d["legacy_values"]
        if not isinstance(lv, YDict):
            r.err(d.vpos("legacy_values"), f"{what}.legacy_values must map old values to new ones")
        else:
            for old, new in lv.items():
                if not isinstance(new, (str, int)) or isinstance(new, bool):
                    r.err(lv.vpos(old), f"{what}.legacy_values[{old!r}] must be a value")
                    continue
                if enum is not None and str(new) not in enum:
                    r.err(lv.vpos(old), f"{what}.legacy_values maps {old!r} to {new!r}, which is not an enum value",
                          "allowed: " + ", ".join(enum))
                if enum is not None and str(old) in enum:
                    r.err(lv.kpos(old), f"{what}.legacy_values: {old!r} is still an enum value",
                          "a legacy value is one the schema no longer allows")
                legacy.append((str(old), str(new)))
            if enum is None:
                r.err(d.vpos("legacy_values"), f"{what}.legacy_values needs an enum to map into")
    overrides: list[tuple[str, str]] = []
    if "types" in d:
        td = r.mapping(d["types"], d.vpos("types"), f"{what}.types")
        if td is not None and r.keys(td, {k: False for k in DIALECTS}, f"{what}.types"):
            for k in sorted(td):
                t = r.string(td, k, f"{what}.types")
                if t:
                    overrides.append((k, t))
    default = _read_default(r, d, ltype, enum, what)
    if default is not None and default.kind == "literal" and enum is not None:
        if str(default.value) not in enum:
            r.err(d.vpos("default"), f"{what}: default {default.value!r} is not one of its enum values",
                  "allowed: " + ", ".join(enum))
    identity = r.choice(d, "identity", what, IDENTITY, "") or None
    if identity and ltype is not None and ltype.base not in ("smallint", "integer", "bigint"):
        r.err(d.vpos("identity"), f"{what}: identity needs an integer type, not {ltype}")
    col_origin = _origin(d.pos)
    return Column(
        name=name,
        type=ltype.format() if ltype else "text",
        nullable=r.boolean(d, "nullable", what, True),
        default=default,
        comment=r.string(d, "comment", what),
        enum=enum,
        enum_check_name=r.name(d, "enum_check_name", what) if "enum_check_name" in d else None,
        legacy_values=tuple(legacy),
        type_overrides=tuple(overrides),
        identity=identity,
        generated=r.sql(d, "generated", what, col_origin),
        collation=r.string(d, "collation", what),
        origin=col_origin,
        on_update=r.sql(d, "on_update", what, col_origin),
    )


# ----------------------------------------------------------------------------------------- tables

def _read_index_parts(r: Reader, d: YDict, what: str) -> tuple[IndexPart, ...]:
    v = d.get("columns")
    if not isinstance(v, YList) or not v:
        r.err(d.vpos("columns"), f"{what}.columns must be a non-empty list")
        return ()
    parts = []
    for i, item in enumerate(v):
        if isinstance(item, str):
            parts.append(IndexPart(column=item))
            continue
        pd = r.mapping(item, v.ipos(i), f"{what}.columns[{i}]")
        if pd is None or not r.keys(pd, INDEX_PART_KEYS, f"{what}.columns[{i}]"):
            continue
        col = r.string(pd, "column", what)
        ex = r.sql(pd, "expression", f"{what}.columns[{i}]", _origin(pd.pos))
        if (col is None) == (ex is None):
            r.err(pd.pos, f"{what}.columns[{i}] needs exactly one of 'column' or 'expression'")
            continue
        parts.append(IndexPart(column=col, expression=ex, descending=r.boolean(pd, "desc", what, False),
                               opclass=r.string(pd, "opclass", what)))
    return tuple(parts)


_REF_RE = re.compile(r"^\s*(?:([A-Za-z_][\w$]*)\s*\.\s*)?([A-Za-z_][\w$]*)\s*\(([^)]*)\)\s*$")


def _read_fk(r: Reader, raw: Any, pos: Pos, table: str, i: int) -> ForeignKey | None:
    what = f"foreign key #{i + 1} of {table}"
    d = r.mapping(raw, pos, what)
    if d is None or not r.keys(d, FK_KEYS, what):
        return None
    cols = r.strings(d, "columns", what, allow_scalar=True)
    ref = d.get("references")
    ref_ns, ref_table, ref_cols = None, None, ()
    if isinstance(ref, str):
        m = _REF_RE.match(ref)
        if not m:
            r.err(d.vpos("references"), f"{what}.references {ref!r} is not 'table(column, ...)'")
            return None
        ref_ns, ref_table = m.group(1), m.group(2)
        ref_cols = tuple(c.strip() for c in m.group(3).split(",") if c.strip())
    else:
        rd = r.mapping(ref, d.vpos("references"), f"{what}.references")
        if rd is None or not r.keys(rd, REF_KEYS, f"{what}.references"):
            return None
        ref_ns = r.string(rd, "namespace", what)
        ref_table = r.string(rd, "table", what)
        ref_cols = r.strings(rd, "columns", what, allow_scalar=True)
    if not cols or not ref_cols or ref_table is None:
        r.err(d.pos, f"{what} needs columns and referenced columns")
        return None
    if len(cols) != len(ref_cols):
        r.err(d.vpos("references"), f"{what} has {len(cols)} columns but references {len(ref_cols)}")
    name = r.name(d, "name", what) if "name" in d else f"{table}_{'_'.join(cols)}_fkey"
    if "name" not in d and len(name.encode("utf-8")) > 63:
        r.err(d.pos, f"{what} would be named {name!r}, longer than the 63 bytes PostgreSQL keeps",
              "give it an explicit name")
    return ForeignKey(
        name=name or f"{table}_fkey",
        columns=cols,
        ref_table=ref_table,
        ref_columns=ref_cols,
        ref_namespace=ref_ns,
        on_delete=r.choice(d, "on_delete", what, FK_ACTIONS, "no action"),
        on_update=r.choice(d, "on_update", what, FK_ACTIONS, "no action"),
        deferrable=r.boolean(d, "deferrable", what, False),
        initially_deferred=r.boolean(d, "initially_deferred", what, False),
        match=r.choice(d, "match", what, ("simple", "full"), "simple"),
        comment=r.string(d, "comment", what),
        origin=_origin(d.pos),
    )


def _items(r: Reader, d: YDict, key: str, what: str) -> list[tuple[Any, Pos]]:
    if key not in d or d[key] is None:
        return []
    v = d[key]
    if not isinstance(v, YList):
        r.err(d.vpos(key), f"{what}.{key} must be a list, not {_kind(v)}")
        return []
    return [(item, v.ipos(i)) for i, item in enumerate(v)]


def read_table(r: Reader, data: Any, file: str, module_ns: str) -> Table | None:
    if data is None:
        r.errors.append(LoadError("file is empty; a table file needs 'table:' and 'columns:'", file, 1, 1))
        return None
    d = r.mapping(data, Pos(file, 1, 1), "a table file")
    if d is None:
        return None
    r.keys(d, TABLE_KEYS, "table")
    name = r.name(d, "table", "table")
    if name is None:
        return None
    what = f"table {name}"
    columns = []
    for raw, pos in _items(r, d, "columns", what):
        col = _read_column(r, raw, pos, name)
        if col is not None:
            columns.append(col)
    pk = None
    if "primary_key" in d and d["primary_key"] is not None:
        v = d["primary_key"]
        if isinstance(v, YDict):
            if r.keys(v, PK_KEYS, f"{what}.primary_key"):
                pk = PrimaryKey(r.strings(v, "columns", what, allow_scalar=True),
                                r.name(v, "name", what) if "name" in v else None, _origin(v.pos))
        else:
            cols = r.strings(d, "primary_key", what, allow_scalar=True)
            if cols:
                pk = PrimaryKey(cols, None, _origin(d.vpos("primary_key")))
    uniques = []
    for raw, pos in _items(r, d, "unique", what):
        ud = r.mapping(raw, pos, f"a unique key of {name}")
        if ud is not None and r.keys(ud, UNIQUE_KEYS, f"unique key of {name}"):
            uname = r.name(ud, "name", what)
            if uname:
                uniques.append(UniqueKey(uname, r.strings(ud, "columns", what, allow_scalar=True),
                                         r.boolean(ud, "nulls_not_distinct", what, False), _origin(ud.pos)))
    indexes = []
    for raw, pos in _items(r, d, "indexes", what):
        idd = r.mapping(raw, pos, f"an index of {name}")
        if idd is None or not r.keys(idd, INDEX_KEYS, f"index of {name}"):
            continue
        iname = r.name(idd, "name", what)
        iwhat = f"index {iname} of {name}"
        parts = _read_index_parts(r, idd, iwhat)
        if iname and parts:
            indexes.append(Index(
                name=iname, parts=parts, unique=r.boolean(idd, "unique", iwhat, False),
                method=r.choice(idd, "method", iwhat, INDEX_METHODS, "btree"),
                where=r.sql(idd, "where", iwhat, _origin(idd.pos)),
                include=r.strings(idd, "include", iwhat), comment=r.string(idd, "comment", iwhat),
                origin=_origin(idd.pos)))
    fks = []
    for i, (raw, pos) in enumerate(_items(r, d, "foreign_keys", what)):
        fk = _read_fk(r, raw, pos, name, i)
        if fk is not None:
            fks.append(fk)
    checks = []
    for raw, pos in _items(r, d, "checks", what):
        cd = r.mapping(raw, pos, f"a check of {name}")
        if cd is None or not r.keys(cd, CHECK_KEYS, f"check of {name}"):
            continue
        cname = r.name(cd, "name", what)
        ex = r.sql(cd, "expression", f"check {cname} of {name}", _origin(cd.pos))
        if cname and ex:
            checks.append(Check(cname, ex, r.string(cd, "comment", what), _origin(cd.pos)))
    rls = Rls()
    if "rls" in d and d["rls"] is not None:
        rd = r.mapping(d["rls"], d.vpos("rls"), f"{what}.rls")
        if rd is not None and r.keys(rd, RLS_KEYS, f"{what}.rls"):
            policies = []
            for raw, pos in _items(r, rd, "policies", f"{what}.rls"):
                pd = r.mapping(raw, pos, f"a policy of {name}")
                if pd is None or not r.keys(pd, POLICY_KEYS, f"policy of {name}"):
                    continue
                pname = r.name(pd, "name", what)
                pwhat = f"policy {pname} of {name}"
                if pname:
                    policies.append(Policy(
                        name=pname, command=r.choice(pd, "command", pwhat, POLICY_COMMANDS, "all"),
                        roles=r.strings(pd, "roles", pwhat, allow_scalar=True) or ("public",),
                        permissive=r.boolean(pd, "permissive", pwhat, True),
                        using=r.sql(pd, "using", pwhat, _origin(pd.pos)),
                        with_check=r.sql(pd, "with_check", pwhat, _origin(pd.pos)),
                        comment=r.string(pd, "comment", pwhat), origin=_origin(pd.pos)))
            rls = Rls(r.boolean(rd, "enabled", what, bool(policies)), r.boolean(rd, "forced", what, False),
                      tuple(policies))
    engine = None
    if "mysql" in d and d["mysql"] is not None:
        md = r.mapping(d["mysql"], d.vpos("mysql"), f"{what}.mysql")
        if md is not None and r.keys(md, MYSQL_KEYS, f"{what}.mysql"):
            engine = r.string(md, "engine", what)
    lint = None
    if "lint" in d and d["lint"] is not None:
        ld = r.mapping(d["lint"], d.vpos("lint"), f"{what}.lint")
        if ld is not None and r.keys(ld, LINT_KEYS, f"{what}.lint"):
            reason = r.string(ld, "reason", what) or ""
            if not reason.strip():
                r.err(ld.vpos("reason"), f"{what}.lint.reason must say why the rule does not apply")
            lint = LintIgnore(r.strings(ld, "ignore", what, allow_scalar=True), reason)
    return Table(
        name=name, columns=tuple(columns), namespace=r.string(d, "namespace", what, module_ns) or module_ns,
        comment=r.string(d, "comment", what), primary_key=pk, uniques=tuple(uniques),
        indexes=tuple(indexes), foreign_keys=tuple(fks), checks=tuple(checks), rls=rls,
        minimal=r.boolean(d, "minimal", what, False), mysql_engine=engine, lint=lint,
        origin=_origin(d.kpos("table")))  # the `table:` line, past any editor comment above it


# ------------------------------------------------------------------------------------ SQL objects

def _dialect_of(filename: str) -> tuple[str, str | None]:
    """``name.postgres.sql`` -> ("name", "postgres"); ``name.sql`` -> ("name", None)."""
    stem = filename[:-4]
    for dialect in DIALECTS:
        if stem.endswith("." + dialect):
            return stem[: -len(dialect) - 1], dialect
    return stem, None


def _read_text(path: str, display: str) -> str:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise LoadError(f"cannot read file: {exc.strerror}", display) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LoadError("file is not valid UTF-8", display, line, 1, "save it as UTF-8") from None


def _read_views(r: Reader, folder: str, rel: str, module_ns: str) -> list[View]:
    groups: dict[str, list[tuple[str | None, str, str]]] = {}
    for fn in _sql_files(folder):
        stem, dialect = _dialect_of(fn)
        groups.setdefault(stem, []).append((dialect, os.path.join(folder, fn), f"{rel}/{fn}"))
    views = []
    queries = QueryCache(folder, sum(len(g) for g in groups.values()))
    for stem in sorted(groups):
        definitions, extra = [], []
        fields: dict[str, Any] = {}
        origin = None
        for dialect, path, display in sorted(groups[stem], key=lambda x: x[0] or ""):
            try:
                stmts = sqlfile.split_statements(_read_text(path, display))
                if not stmts:
                    raise LoadError("file holds no statement", display, 1, 1)
                head = sqlfile.parse_view(stmts[0], display)
            except LoadError as exc:
                r.errors.append(exc)
                continue
            if head.name != stem:
                r.errors.append(LoadError(f"file defines view {head.name!r} but is named {stem!r}", display,
                                          stmts[0].line, 1, f"rename the file to {head.name}.sql"))
            read = "mysql" if dialect == "mysql" else "postgres"
            problem = None if queries.known_valid(head.query, read) else exprmod.query_problem(head.query, read)
            if problem:
                reason, qline, qcol = problem
                before = stmts[0].text[: max(stmts[0].text.find(head.query), 0)]
                line = stmts[0].line + before.count("\n") + qline - 1
                col = qcol + (len(before) - before.rfind("\n") - 1 if qline == 1 else 0)
                r.errors.append(LoadError(
                    f"view {head.name}: the query is not valid {dialect or 'postgres'} SQL: {reason}", display, line,
                    col, "fix the query after AS"))
                continue
            queries.add_valid(head.query, read)
            origin = origin or Origin(display, stmts[0].line, 1)
            definitions.append((dialect or "*", head.query))
            extra.extend((dialect or "*", s.text) for s in stmts[1:])
            fields.setdefault("namespace", head.namespace or module_ns)
            fields["materialized"] = fields.get("materialized", False) or head.materialized
            fields.setdefault("columns", head.columns)
            if head.algorithm:
                fields["algorithm"] = head.algorithm
            if head.security:
                if dialect == "postgres" or (dialect is None and "WITH" in stmts[0].text.upper()[:200]):
                    fields["security_invoker"] = head.security == "INVOKER"
                else:
                    fields["security"] = head.security
            if head.check_option:
                fields["check_option"] = head.check_option
        if definitions:
            views.append(View(name=stem, definitions=tuple(definitions), extra_sql=tuple(extra),
                              origin=origin, **fields))
    queries.save()
    return views


def _sql_files(folder: str) -> list[str]:
    if not os.path.isdir(folder):
        return []
    return sorted(f for f in os.listdir(folder) if f.endswith(".sql") and not f.startswith("."))


def _read_routines(r: Reader, folder: str, rel: str, module_ns: str, kind: str) -> list:
    out = []
    for fn in _sql_files(folder):
        stem, dialect = _dialect_of(fn)
        display = f"{rel}/{fn}"
        if dialect is None:
            r.errors.append(LoadError(f"cannot tell the dialect of {kind} file {fn!r}", display, 1, 1,
                                      f"name it {stem}.postgres.sql or {stem}.mysql.sql"))
            continue
        try:
            text = _read_text(os.path.join(folder, fn), display)
            stmts = sqlfile.split_statements(text)
            if not stmts:
                raise LoadError("file holds no statement", display, 1, 1)
            origin = Origin(display, stmts[0].line, 1)
            whole = ";\n\n".join(s.text for s in stmts) + ";"
            if kind == "function":
                h = sqlfile.parse_function(stmts[0], display)
                out.append(Function(name=h.name, namespace=h.namespace or module_ns, arguments=h.arguments,
                                    returns=h.returns, language=h.language, body=h.body, sql=whole,
                                    dialect=dialect, kind=h.kind, security_definer=h.security_definer,
                                    origin=origin))
            else:
                t = sqlfile.parse_trigger(stmts[0], display)
                out.append(Trigger(name=t.name, table=t.table, namespace=t.namespace or module_ns, sql=whole,
                                   dialect=dialect, timing=t.timing, events=t.events, function=t.function,
                                   origin=origin))
        except LoadError as exc:
            r.errors.append(exc)
    return out


# ---------------------------------------------------------------------------------------- modules

def _read_table_file(r: Reader, cache: FolderCache, path: str, fn: str, display: str, namespace: str):
    """The table of one file, from the folder cache when the file's content is unchanged."""
    if cache.path is None:
        return read_table(r, load_yaml(path, display), display, namespace)
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise LoadError(f"cannot read file: {exc.strerror}", display) from None
    dig = digest(data)
    table = cache.table(fn, dig, namespace)
    if table is not None:
        return table
    value, hit = cache.get(fn, dig, display)
    if not hit:
        value = load_yaml(path, display, data=data)
    n_errors = len(r.errors)
    table = read_table(r, value, display, namespace)
    clean = table is not None and len(r.errors) == n_errors
    if clean or not hit:
        cache.put(fn, dig, value, namespace, table if clean else None)
    return table


def _read_module(r: Reader, root: str, name: str) -> Module | None:
    folder = os.path.join(root, name)
    rel = name
    mfile = os.path.join(folder, "module.yaml")
    mdisplay = f"{rel}/module.yaml"
    meta: dict[str, Any] = {}
    if not os.path.exists(mfile):
        r.errors.append(LoadError("module folder has no module.yaml", mdisplay, None, None,
                                  f"create it with 'module: {name}'"))
        return None
    try:
        raw = load_yaml(mfile, mdisplay)
    except LoadError as exc:
        r.errors.append(exc)
        return None
    d = r.mapping(raw, Pos(mdisplay, 1, 1), "module.yaml")
    if d is None:
        return None
    r.keys(d, MODULE_KEYS, "module")
    mname = r.name(d, "module", "module")
    if mname is not None and mname != name:
        r.err(d.vpos("module"), f"module.yaml names module {mname!r} but its folder is {name!r}")
    namespace = r.string(d, "namespace", "module", "public") or "public"
    dialects = r.strings(d, "dialects", "module") or DIALECTS
    for i, dia in enumerate(dialects):
        if dia not in DIALECTS:
            r.err(d["dialects"].ipos(i), f"unknown dialect {dia!r}", "one of: " + ", ".join(DIALECTS))
    meta.update(
        namespace=namespace, database=r.string(d, "database", "module", name), dialects=tuple(dialects),
        description=r.string(d, "description", "module"), requires=r.strings(d, "requires", "module"),
        extensions=r.strings(d, "extensions", "module"), schemas=r.strings(d, "schemas", "module"),
    )
    tables = []
    tdir = os.path.join(folder, "tables")
    if os.path.isdir(tdir):
        names = sorted(fn for fn in os.listdir(tdir) if not fn.startswith("."))
        cache = FolderCache(tdir, len(names))
        for fn in names:
            display = f"{rel}/tables/{fn}"
            if not fn.endswith((".yaml", ".yml")):
                r.errors.append(LoadError("unexpected file in tables/", display, None, None,
                                          "tables are <name>.yaml files"))
                continue
            try:
                t = _read_table_file(r, cache, os.path.join(tdir, fn), fn, display, namespace)
            except LoadError as exc:
                r.errors.append(exc)
                continue
            if t is not None:
                tables.append(t)
        cache.prune(set(names))
        cache.save()
    views = _read_views(r, os.path.join(folder, "views"), f"{rel}/views", namespace)
    functions = _read_routines(r, os.path.join(folder, "functions"), f"{rel}/functions", namespace, "function")
    triggers = _read_routines(r, os.path.join(folder, "triggers"), f"{rel}/triggers", namespace, "trigger")
    return Module(
        name=name,
        tables=tuple(sorted(tables, key=lambda t: (t.namespace, t.name))),
        views=tuple(sorted(views, key=lambda v: v.name)),
        functions=tuple(sorted(functions, key=lambda f: (f.dialect, f.namespace, f.name, f.arguments))),
        triggers=tuple(sorted(triggers, key=lambda t: (t.dialect, t.table, t.name))),
        origin=Origin(mdisplay, 1, 1),
        **meta,
    )


def load_project(root: str) -> Project:
    """Load and validate every module under ``root``; raise ``LoadErrors`` listing every problem."""
    if not os.path.isdir(root):
        raise LoadErrors([LoadError("schema folder does not exist", root, None, None,
                                    "pass --schema DIR or run from the project root")])
    r = Reader()
    modules = []
    for name in sorted(os.listdir(root)):
        if name.startswith((".", "_")) or not os.path.isdir(os.path.join(root, name)):
            continue
        m = _read_module(r, root, name)
        if m is not None:
            modules.append(m)
    known = {m.name for m in modules}
    for m in modules:
        r.errors.extend(validate_module(m, known))
    if r.errors:
        raise LoadErrors(r.errors)
    return Project(modules=tuple(modules), root=root)
