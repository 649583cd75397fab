"""One table file's mapping → a ``Table``: columns, keys, indexes, foreign keys, checks and policies, each
checked against the key tables in ``keys.py``."""

from __future__ import annotations

import json
import re
from typing import Any

from ..dialects.base import DEFAULT, names
from ..errors import LoadError
from ..model import expr as exprmod
from ..model.objects import (
    Check,
    Column,
    Default,
    ForeignKey,
    IdentityOptions,
    Index,
    IndexPart,
    LintIgnore,
    Policy,
    PrimaryKey,
    Rls,
    Table,
    UniqueKey,
)
from ..model.types import TypeError_, parse_type
from .enum_type import allows_array, read_enum_type, unqualified, with_enum_type
from .keys import (
    CHECK_KEYS,
    COLUMN_KEYS,
    DEFAULT_KEYS,
    FK_ACTIONS,
    FK_KEYS,
    IDENTITY,
    IDENTITY_KEYS,
    INDEX_KEYS,
    INDEX_METHODS,
    INDEX_PART_KEYS,
    LINT_KEYS,
    MYSQL_KEYS,
    MYSQL_SECTION,
    MYSQL_TEXT_KEYS,
    NULLS_ORDER,
    PK_KEYS,
    POLICY_COMMANDS,
    POLICY_KEYS,
    REF_KEYS,
    RLS_KEYS,
    SQL_CALL_RE,
    SQL_KEYWORD_DEFAULTS,
    TABLE_KEYS,
    UNIQUE_KEYS,
)
from .reader import Reader, kind_of, origin_of
from .yaml_source import Pos, YDict, YList


def _deferral(r: Reader, d: YDict, what: str) -> dict:
    """A key's ``deferrable`` and ``initially_deferred`` (PostgreSQL)."""
    return {"deferrable": r.boolean(d, "deferrable", what, False),
            "initially_deferred": r.boolean(d, "initially_deferred", what, False)}


# ---------------------------------------------------------------------------------------- columns

_CHARSET_NAME = re.compile(r"^[A-Za-z0-9_]{1,64}$")
_TABLE_OPTIONS = re.compile(r"[A-Za-z_]+=[A-Za-z0-9_]+(\s+[A-Za-z_]+=[A-Za-z0-9_]+)*")


def read_mysql_text(r: Reader, d: YDict, what: str, allowed: dict[str, bool] = MYSQL_TEXT_KEYS
                    ) -> tuple[str | None, str | None, YDict | None]:
    """(charset, collation, the mapping) of a ``mysql:`` mapping; the names are written into DDL, so
    they must be plain words (``utf8mb4``, ``utf8mb4_bin``)."""
    if MYSQL_SECTION not in d or d[MYSQL_SECTION] is None:
        return None, None, None
    md = r.mapping(d[MYSQL_SECTION], d.vpos(MYSQL_SECTION), f"{what}.mysql")
    if md is None or not r.keys(md, allowed, f"{what}.mysql"):
        return None, None, None
    out = []
    for key in ("charset", "collation"):
        v = r.string(md, key, f"{what}.mysql")
        if v is not None and not _CHARSET_NAME.match(v):
            r.err(md.vpos(key), f"{what}.mysql.{key} {v!r} is not a MySQL {key} name",
                  "letters, digits and underscores, e.g. utf8mb4 or utf8mb4_unicode_ci")
            v = None
        out.append(v.lower() if v else None)
    return out[0], out[1], md


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
        s = r.sql(v, "sql", f"{what}.default", origin_of(pos))
        return Default("expression", None, s) if s else None
    if isinstance(v, (YDict, YList)):
        if base in ("json", "jsonb"):
            return Default.literal(json.dumps(v, sort_keys=True, separators=(",", ":")))
        r.err(pos, f"{what}.default must be a value or an SQL expression, not {kind_of(v)}",
              "write {sql: ...} for an expression or {value: ...} for a literal")
        return None
    if isinstance(v, (bool, int, float)):
        return Default.literal(v)
    text = str(v)
    texty = (ltype is not None and ltype.is_text_like) or enum is not None
    looks_sql = bool(SQL_CALL_RE.match(text.strip())) or text.strip().lower() in SQL_KEYWORD_DEFAULTS
    if texty and not looks_sql:
        return Default.literal(text)
    r.parse_check(text, DEFAULT, pos, f"{what}.default")
    return Default.expr(text)


def _read_identity(r: Reader, d: YDict, what: str, base: str) -> tuple[str | None, IdentityOptions | None]:
    """``identity: always`` or ``identity: {generated: always, start: 10, increment: 10, ...}``."""
    v = d.get("identity")
    if not isinstance(v, YDict):
        return r.choice(d, "identity", what, IDENTITY, "") or None, None
    where = f"{what}.identity"
    if not r.keys(v, IDENTITY_KEYS, where):
        return None, None
    numbers = {}
    for key in ("start", "increment", "min_value", "max_value", "cache"):
        n = v.get(key)
        if n is None:
            continue
        if isinstance(n, bool) or not isinstance(n, int):
            r.err(v.vpos(key), f"{where}.{key} must be an integer, not {n!r}")
        elif key == "increment" and n == 0 or key == "cache" and n < 1:
            r.err(v.vpos(key), f"{where}.{key} {n} is not allowed", "increment is not 0; cache is at least 1")
        else:
            numbers[key] = n
    options = IdentityOptions(**numbers, cycle=r.boolean(v, "cycle", where, False))
    return r.choice(v, "generated", where, IDENTITY, "") or None, options.canonical(base)


def _frozen(value) -> tuple:
    """A YAML value as a hashable key that tells apart what reads differently (``1``, ``1.0``, ``true``)."""
    t = type(value)
    if t is YDict:
        return (t, tuple((type(k), k, _frozen(v)) for k, v in value.items()))
    if t is YList:
        return (t, tuple(_frozen(v) for v in value))
    return (t, value)


# a column mapping's content -> the Column it built without an error: the same columns (id, created_at,
# status…) fill most table files, and building one is the larger part of reading a table
_COLUMNS: dict[tuple, Column] = {}
_COLUMNS_MAX = 20_000
_new = object.__new__


def _read_column(r: Reader, raw: Any, pos: Pos, table: str, checked: list | None = None) -> Column | None:
    """One column; ``legacy_values`` of a column without ``enum`` are appended to ``checked`` as (column,
    position), for the table to map them into a CHECK on the column (``_legacy_into_checks``)."""
    d = r.mapping(raw, pos, f"a column of table {table!r}")
    if d is None:
        return None
    if "legacy_values" in d:  # read every time: it may append to ``checked``
        return _build_column(r, d, table, checked)
    key = _frozen(d)
    built = _COLUMNS.get(key)
    if built is not None:  # only the position differs: a copy with this mapping's origin
        col = _new(Column)
        col.__dict__.update(built.__dict__)
        col.__dict__["origin"] = origin_of(d.pos)
        return col
    n_errors = len(r.errors)
    col = _build_column(r, d, table, checked)
    if col is not None and len(r.errors) == n_errors and len(_COLUMNS) < _COLUMNS_MAX:
        _COLUMNS[key] = col
    return col


def _build_column(r: Reader, d: YDict, table: str, checked: list | None = None) -> Column | None:
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
        if ltype is not None and not ltype.is_text_like and not (allows_array(d) and ltype.element.is_text_like):
            r.err(d.vpos("type"), f"{what}: an enum column must have a text type, not {ltype}",
                  "use text or varchar(n) (text[] for an array of a native enum_type)")
    enum_type = read_enum_type(r, d, what)
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
            if enum is None and checked is not None:
                checked.append((name, d.vpos("legacy_values")))
            elif enum is None:
                r.err(d.vpos("legacy_values"), f"{what}.legacy_values needs an enum to map into")
    overrides: list[tuple[str, str]] = []
    if "types" in d:
        td = r.mapping(d["types"], d.vpos("types"), f"{what}.types")
        if td is not None and r.keys(td, {k: False for k in names()}, f"{what}.types"):
            for k in sorted(td):
                t = r.string(td, k, f"{what}.types")
                if t:
                    overrides.append((k, t))
    default = _read_default(r, d, ltype, enum, what)
    if default is not None and default.kind == "literal" and enum is not None:
        if str(default.value) not in enum:
            r.err(d.vpos("default"), f"{what}: default {default.value!r} is not one of its enum values",
                  "allowed: " + ", ".join(enum))
    identity, identity_options = _read_identity(r, d, what, ltype.base if ltype is not None else "bigint")
    if identity and ltype is not None and ltype.base not in ("smallint", "integer", "bigint"):
        r.err(d.vpos("identity"), f"{what}: identity needs an integer type, not {ltype}")
    col_origin = origin_of(d.pos)
    charset, collation, _ = read_mysql_text(r, d, what)
    virtual = r.boolean(d, "virtual", what, False)
    if virtual and "generated" not in d:
        r.err(d.vpos("virtual"), f"{what}.virtual needs a generated expression",
              "virtual: true makes a generated column computed on read instead of stored")
    return with_enum_type(Column(
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
        identity_options=identity_options,
        generated=r.sql(d, "generated", what, col_origin),
        collation=r.string(d, "collation", what),
        origin=col_origin,
        on_update=r.sql(d, "on_update", what, col_origin),
        using=r.sql(d, "using", what, col_origin),
        mysql_charset=charset,
        mysql_collation=collation,
        invisible=r.boolean(d, "invisible", what, False),
        virtual=virtual,
    ), enum_type)


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
        ex = r.sql(pd, "expression", f"{what}.columns[{i}]", origin_of(pd.pos))
        if (col is None) == (ex is None):
            r.err(pd.pos, f"{what}.columns[{i}] needs exactly one of 'column' or 'expression'")
            continue
        desc = r.boolean(pd, "desc", what, False)
        nulls = r.choice(pd, "nulls", f"{what}.columns[{i}]", NULLS_ORDER, "")
        # stored only where it is not the direction's default (LAST ascending, FIRST descending)
        nulls_first = None if not nulls or (nulls == "first") == desc else nulls == "first"
        length = pd.get("length")
        if length is not None and (isinstance(length, bool) or not isinstance(length, int) or length < 1
                                   or col is None):
            r.err(pd.vpos("length"), f"{what}.columns[{i}].length must be a positive whole number of "
                  "characters, on a column (a MySQL index key prefix)")
            length = None
        parts.append(IndexPart(column=col, expression=ex, descending=desc, opclass=r.string(pd, "opclass", what),
                               nulls_first=nulls_first, length=length))
    return tuple(parts)


def _check_values(ck: Check) -> tuple[str, frozenset[str]] | None:
    """(column, values) of a CHECK that only says ``column IN (...)``, in the dialect it is written in (the
    first override, else the portable text)."""
    for dialect, text in ck.expression.overrides:
        if dialect in names():
            return exprmod.value_set(text, dialect)
    return exprmod.value_set(ck.expression.text, DEFAULT)


def _legacy_into_checks(r: Reader, table: str, columns: list[Column], checks: list[Check],
                        checked: list[tuple[str, Pos]]) -> None:
    """``legacy_values`` on a column without ``enum`` map into the values a CHECK ``column IN (...)`` allows
    (a MySQL VARCHAR keeps its CHECK, where ``enum:`` would make it an ENUM)."""
    for column, pos in checked:
        what = f"column {table}.{column}"
        allowed = next((vs[1] for ck in checks if (vs := _check_values(ck)) is not None and vs[0] == column), None)
        if allowed is None:
            r.err(pos, f"{what}.legacy_values needs an enum, or a CHECK ({column} IN (...)), to map into")
            continue
        col = next(c for c in columns if c.name == column)
        for old, new in col.legacy_values:
            if new not in allowed:
                r.err(pos, f"{what}.legacy_values maps {old!r} to {new!r}, which its CHECK does not allow",
                      "allowed: " + ", ".join(sorted(allowed)))
            if old in allowed:
                r.err(pos, f"{what}.legacy_values: {old!r} is still allowed by its CHECK",
                      "a legacy value is one the schema no longer allows")


_REF_RE = re.compile(r"^\s*(?:([A-Za-z_][\w$]*)\s*\.\s*)?([A-Za-z_][\w$]*)\s*\(([^)]*)\)\s*$")


def _spelled(r: Reader, d: YDict, what: str) -> tuple[str, ...]:
    """The rules whose no action the key writes out (MariaDB keeps a spelled NO ACTION apart from RESTRICT)."""
    rules = r.strings(d, "no_action_spelled", what, allow_scalar=True) or ()
    for rule in rules:
        if rule not in ("on_delete", "on_update"):
            r.err(d.vpos("no_action_spelled"), f"{what}: no_action_spelled names {rule!r}",
                  "name on_delete or on_update")
        elif d.get(rule, "no action") != "no action":
            r.err(d.vpos("no_action_spelled"), f"{what}: no_action_spelled names {rule}, which is {d.get(rule)}")
    return tuple(sorted(set(rules)))


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
        on_delete_columns=r.strings(d, "on_delete_columns", what, allow_scalar=True) or (),
        no_action_spelled=_spelled(r, d, what),
        deferrable=r.boolean(d, "deferrable", what, False),
        validated=not r.boolean(d, "not_valid", what, False),
        initially_deferred=r.boolean(d, "initially_deferred", what, False),
        match=r.choice(d, "match", what, ("simple", "full"), "simple"),
        comment=r.string(d, "comment", what),
        origin=origin_of(d.pos),
    )


def _items(r: Reader, d: YDict, key: str, what: str) -> list[tuple[Any, Pos]]:
    if key not in d or d[key] is None:
        return []
    v = d[key]
    if not isinstance(v, YList):
        r.err(d.vpos(key), f"{what}.{key} must be a list, not {kind_of(v)}")
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
    checked: list[tuple[str, Pos]] = []
    for raw, pos in _items(r, d, "columns", what):
        col = _read_column(r, raw, pos, name, checked)
        if col is not None:
            columns.append(col)
    pk = None
    if "primary_key" in d and d["primary_key"] is not None:
        v = d["primary_key"]
        if isinstance(v, YDict):
            if r.keys(v, PK_KEYS, f"{what}.primary_key"):
                pk = PrimaryKey(r.strings(v, "columns", what, allow_scalar=True),
                                r.name(v, "name", what) if "name" in v else None, origin_of(v.pos),
                                **_deferral(r, v, what))
        else:
            cols = r.strings(d, "primary_key", what, allow_scalar=True)
            if cols:
                pk = PrimaryKey(cols, None, origin_of(d.vpos("primary_key")))
    uniques = []
    for raw, pos in _items(r, d, "unique", what):
        ud = r.mapping(raw, pos, f"a unique key of {name}")
        if ud is not None and r.keys(ud, UNIQUE_KEYS, f"unique key of {name}"):
            uname = r.name(ud, "name", what)
            if uname:
                uniques.append(UniqueKey(uname, r.strings(ud, "columns", what, allow_scalar=True),
                                         r.boolean(ud, "nulls_not_distinct", what, False), origin_of(ud.pos),
                                         **_deferral(r, ud, what)))
    indexes = []
    for raw, pos in _items(r, d, "indexes", what):
        idd = r.mapping(raw, pos, f"an index of {name}")
        if idd is None or not r.keys(idd, INDEX_KEYS, f"index of {name}"):
            continue
        iname = r.name(idd, "name", what)
        iwhat = f"index {iname} of {name}"
        parts = _read_index_parts(r, idd, iwhat)
        method = r.choice(idd, "method", iwhat, INDEX_METHODS, "btree")
        parser = r.name(idd, "parser", iwhat) if "parser" in idd else None
        if parser is not None and method != "fulltext":
            r.err(idd.vpos("parser"), f"{iwhat}.parser is a FULLTEXT index's (WITH PARSER)",
                  "set method: fulltext, or remove parser")
        if iname and parts:
            indexes.append(Index(
                name=iname, parts=parts, unique=r.boolean(idd, "unique", iwhat, False),
                method=method,
                where=r.sql(idd, "where", iwhat, origin_of(idd.pos)),
                include=r.strings(idd, "include", iwhat), comment=r.string(idd, "comment", iwhat),
                origin=origin_of(idd.pos), nulls_not_distinct=r.boolean(idd, "nulls_not_distinct", iwhat, False),
                ignored=r.boolean(idd, "ignored", iwhat, False), parser=parser))
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
        ex = r.sql(cd, "expression", f"check {cname} of {name}", origin_of(cd.pos))
        inline = r.boolean(cd, "inline", what, False)
        if inline and cname and cname not in {c.name for c in columns}:
            r.err(cd.vpos("inline"), f"check {cname} of {name} is inline but names no column of the table",
                  "an inline CHECK is named after the column it is written on")
            inline = False
        if cname and ex:
            checks.append(Check(cname, ex, r.string(cd, "comment", what), origin_of(cd.pos),
                                no_inherit=r.boolean(cd, "no_inherit", what, False), inline=inline,
                                validated=not r.boolean(cd, "not_valid", what, False)))
    _legacy_into_checks(r, name, columns, checks, checked)
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
                        using=r.sql(pd, "using", pwhat, origin_of(pd.pos)),
                        with_check=r.sql(pd, "with_check", pwhat, origin_of(pd.pos)),
                        comment=r.string(pd, "comment", pwhat), origin=origin_of(pd.pos)))
            rls = Rls(r.boolean(rd, "enabled", what, bool(policies)), r.boolean(rd, "forced", what, False),
                      tuple(policies))
    engine = None
    charset, collation, md = read_mysql_text(r, d, what, MYSQL_KEYS)
    options = None
    if md is not None:
        engine = r.string(md, "engine", what)
        options = r.string(md, "options", what)
        if options is not None and not _TABLE_OPTIONS.fullmatch(options):
            r.err(md.vpos("options"), f"{what}.mysql.options {options!r} is not a list of MySQL table options",
                  "name=value pairs separated by spaces, e.g. row_format=COMPRESSED checksum=1")
            options = None
    lint = None
    if "lint" in d and d["lint"] is not None:
        ld = r.mapping(d["lint"], d.vpos("lint"), f"{what}.lint")
        if ld is not None and r.keys(ld, LINT_KEYS, f"{what}.lint"):
            reason = r.string(ld, "reason", what) or ""
            if not reason.strip():
                r.err(ld.vpos("reason"), f"{what}.lint.reason must say why the rule does not apply")
            lint = LintIgnore(r.strings(ld, "ignore", what, allow_scalar=True), reason)
    namespace = r.string(d, "namespace", what, module_ns) or module_ns
    return Table(
        name=name, columns=unqualified(columns, namespace), namespace=namespace,
        comment=r.string(d, "comment", what), primary_key=pk, uniques=tuple(uniques),
        indexes=tuple(indexes), foreign_keys=tuple(fks), checks=tuple(checks), rls=rls,
        minimal=r.boolean(d, "minimal", what, False), mysql_engine=engine, lint=lint,
        mysql_charset=charset, mysql_collation=collation, mysql_options=options,
        origin=origin_of(d.kpos("table")))  # the `table:` line, past any editor comment above it
