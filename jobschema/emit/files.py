"""Model → schema files: ``module.yaml``, ``tables/*.yaml``, ``views/*.sql``, ``functions/*.sql``, ``triggers/*.sql``.

This is the loader (``load/build.py``) run backwards, and it is exact: loading what it writes gives the
same model, origins aside (``tests/unit/test_emit.py`` proves it for every shipped module). Making a
model read well first (enum columns, plain defaults) is ``tidy.py``'s job, not this one's.
"""

from __future__ import annotations

import re

from ..dialects import base as dialects
from ..load.filenames import file_stem, view_file_ok, view_stem
from ..load.keys import MYSQL_SECTION
from ..model.objects import PORTABLE, Column, Default, ForeignKey, Index, Module, Sql, Table, View
from ..model.typename import format_type_name
from ..model.types import parse_type
from . import yamltext

SCHEMA_HEADER = "# yaml-language-server: $schema={}jobschema/schema.json"
_SIMPLE_REF = re.compile(r"^[A-Za-z_][\w$]*$")
# mirrors load/build.py: which default strings the loader reads as SQL on a text column
_CALL_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*\s*\(.*\)(\s*::\s*[A-Za-z_ ]+(\[\])?)?$", re.DOTALL)
_SQL_WORDS = {"current_timestamp", "current_date", "current_time", "localtimestamp", "localtime", "null", "true",
              "false", "current_user", "session_user"}


def header(depth: int) -> str:
    """The editor hint line; ``depth`` is how many folders the file sits below the project root."""
    return SCHEMA_HEADER.format("../" * depth)


# ------------------------------------------------------------------------------------------ values

def sql_value(s: Sql):
    """An expression as YAML: its text, or {postgres: ..., mysql: ...} when it has overrides."""
    if not s.overrides:
        return s.text
    out = {dialects.DEFAULT: s.text}
    out.update({k: v for k, v in s.overrides})
    return out


def _looks_sql(text: str) -> bool:
    t = text.strip()
    return bool(_CALL_RE.match(t)) or t.lower() in _SQL_WORDS


def default_value(col: Column, d: Default):
    """The shortest YAML that the loader reads back as exactly this default."""
    enum = col.enum is not None
    try:
        lt = parse_type(col.type)
    except ValueError:
        lt = None
    texty = (lt is not None and lt.is_text_like) or enum
    if d.kind == "expression":
        assert d.expression is not None
        if d.expression.overrides:
            return {"sql": sql_value(d.expression)}
        text = d.expression.text
        if texty and not _looks_sql(text):
            return {"sql": text}
        return text
    v = d.value
    if isinstance(v, bool) or isinstance(v, (int, float)):
        return v
    if v is None:
        return {"value": None}
    text = str(v)
    if texty and not _looks_sql(text):
        return text
    return {"value": text}


# ------------------------------------------------------------------------------------------ tables

def column_dict(col: Column) -> dict:
    out: dict = {"name": col.name, "type": col.type}
    if not col.nullable:
        out["nullable"] = False
    if col.default is not None:
        out["default"] = default_value(col, col.default)
    if col.enum is not None:
        out["enum"] = list(col.enum)
    if col.enum_check_name is not None:
        out["enum_check_name"] = col.enum_check_name
    if col.enum_type is not None:
        out["enum_type"] = format_type_name(col.enum_type_namespace, col.enum_type)
    if col.legacy_values:
        out["legacy_values"] = dict(col.legacy_values)
    if col.type_overrides:
        out["types"] = dict(sorted(col.type_overrides))
    if col.identity and col.identity_options is not None:
        o = col.identity_options
        out["identity"] = {"generated": col.identity, **{k: getattr(o, k) for k in (
            "start", "increment", "min_value", "max_value", "cache") if getattr(o, k) is not None}}
        if o.cycle:
            out["identity"]["cycle"] = True
    elif col.identity:
        out["identity"] = col.identity
    if col.generated is not None:
        out["generated"] = sql_value(col.generated)
        if col.virtual:
            out["virtual"] = True
    if col.invisible:
        out["invisible"] = True
    if col.collation is not None:
        out["collation"] = col.collation
    if col.on_update is not None:
        out["on_update"] = sql_value(col.on_update)
    if col.using is not None:
        out["using"] = sql_value(col.using)
    mysql = _mysql_text(col)
    if mysql:
        out[MYSQL_SECTION] = mysql
    if col.comment is not None:
        out["comment"] = col.comment
    return out


def _deferral(key) -> dict:
    return {**({"deferrable": True} if key.deferrable else {}),
            **({"initially_deferred": True} if key.initially_deferred else {})}


def index_dict(ix: Index) -> dict:
    parts = []
    for p in ix.parts:
        if p.column is not None and not p.descending and p.opclass is None and p.nulls_first is None \
                and p.length is None:
            parts.append(p.column)
            continue
        part: dict = {"column": p.column} if p.column is not None else {"expression": sql_value(p.expression)}
        if p.descending:
            part["desc"] = True
        if p.nulls_first is not None:
            part["nulls"] = "first" if p.nulls_first else "last"
        if p.opclass is not None:
            part["opclass"] = p.opclass
        if p.length is not None:
            part["length"] = p.length
        parts.append(part)
    out: dict = {"name": ix.name, "columns": parts}
    if ix.unique:
        out["unique"] = True
    if ix.nulls_not_distinct:
        out["nulls_not_distinct"] = True
    if ix.method != "btree":
        out["method"] = ix.method
    if ix.include:
        out["include"] = list(ix.include)
    if ix.where is not None:
        out["where"] = sql_value(ix.where)
    if ix.parser is not None:
        out["parser"] = ix.parser
    if ix.ignored:
        out["ignored"] = True
    if ix.comment is not None:
        out["comment"] = ix.comment
    return out


def fk_dict(fk: ForeignKey) -> dict:
    out: dict = {"name": fk.name, "columns": list(fk.columns)}
    names = [fk.ref_table, *fk.ref_columns] + ([fk.ref_namespace] if fk.ref_namespace else [])
    if all(_SIMPLE_REF.match(n) for n in names):
        prefix = f"{fk.ref_namespace}." if fk.ref_namespace else ""
        out["references"] = f"{prefix}{fk.ref_table}({', '.join(fk.ref_columns)})"
    else:
        ref: dict = {"table": fk.ref_table, "columns": list(fk.ref_columns)}
        if fk.ref_namespace:
            ref["namespace"] = fk.ref_namespace
        out["references"] = ref
    if fk.on_delete != "no action":
        out["on_delete"] = fk.on_delete
    if fk.on_delete_columns:
        out["on_delete_columns"] = list(fk.on_delete_columns)
    if fk.on_update != "no action":
        out["on_update"] = fk.on_update
    if fk.no_action_spelled:
        out["no_action_spelled"] = list(fk.no_action_spelled)
    if fk.deferrable:
        out["deferrable"] = True
    if fk.initially_deferred:
        out["initially_deferred"] = True
    if fk.match != "simple":
        out["match"] = fk.match
    if not fk.validated:
        out["not_valid"] = True
    if fk.comment is not None:
        out["comment"] = fk.comment
    return out


def table_dict(t: Table, module_ns: str) -> dict:
    out: dict = {"table": t.name}
    if t.namespace != module_ns:
        out["namespace"] = t.namespace
    if t.comment is not None:
        out["comment"] = t.comment
    if t.minimal:
        out["minimal"] = True
    out["columns"] = [column_dict(c) for c in t.columns]
    if t.primary_key is not None:
        pk = t.primary_key
        out["primary_key"] = ({**({"name": pk.name} if pk.name is not None else {}), "columns": list(pk.columns),
                               **_deferral(pk)} if pk.name is not None or pk.deferrable else list(pk.columns))
    if t.uniques:
        out["unique"] = [{"name": u.name, "columns": list(u.columns),
                          **({"nulls_not_distinct": True} if u.nulls_not_distinct else {}), **_deferral(u)}
                         for u in t.uniques]
    if t.indexes:
        out["indexes"] = [index_dict(ix) for ix in t.indexes]
    if t.foreign_keys:
        out["foreign_keys"] = [fk_dict(fk) for fk in t.foreign_keys]
    if t.checks:
        out["checks"] = [{"name": c.name, "expression": sql_value(c.expression),
                          **({"no_inherit": True} if c.no_inherit else {}),
                          **({"inline": True} if c.inline else {}),
                          **({"not_valid": True} if not c.validated else {}),
                          **({"comment": c.comment} if c.comment is not None else {})} for c in t.checks]
    if t.rls.enabled or t.rls.forced or t.rls.policies:
        rls: dict = {"enabled": t.rls.enabled}
        if t.rls.forced:
            rls["forced"] = True
        if t.rls.policies:
            pols = []
            for p in t.rls.policies:
                pd: dict = {"name": p.name}
                if p.command != "all":
                    pd["command"] = p.command
                if tuple(p.roles) != ("public",):
                    pd["roles"] = list(p.roles)
                if not p.permissive:
                    pd["permissive"] = False
                if p.using is not None:
                    pd["using"] = sql_value(p.using)
                if p.with_check is not None:
                    pd["with_check"] = sql_value(p.with_check)
                if p.comment is not None:
                    pd["comment"] = p.comment
                pols.append(pd)
            rls["policies"] = pols
        out["rls"] = rls
    mysql = ({"engine": t.mysql_engine} if t.mysql_engine is not None else {}) | _mysql_text(t)
    if t.mysql_options:
        mysql["options"] = t.mysql_options
    if mysql:
        out[MYSQL_SECTION] = mysql
    if t.lint is not None:
        out["lint"] = {"ignore": list(t.lint.codes), "reason": t.lint.reason}
    return out


def module_dict(m: Module) -> dict:
    out: dict = {"module": m.name}
    if m.description is not None:
        out["description"] = m.description
    if m.namespace != "public" or any(dialects.get(d).capabilities.namespaces for d in m.dialects):
        out["namespace"] = m.namespace  # a MySQL-only module has no schema inside its database to name
    if m.database is not None and m.database != m.name:
        out["database"] = m.database
    out["dialects"] = list(m.dialects)
    if m.requires:
        out["requires"] = list(m.requires)
    if m.extensions:
        out["extensions"] = list(m.extensions)
    if m.schemas:
        out["schemas"] = list(m.schemas)
    if m.roles:
        out["roles"] = list(m.roles)
    mysql = _mysql_text(m)
    if mysql:
        out[MYSQL_SECTION] = mysql
    if m.unmanaged:
        out["unmanaged"] = [_unmanaged(u) for u in m.unmanaged]
    return out


def _unmanaged(u) -> dict:
    out = {"kind": u.kind, "name": u.name}
    for key in ("namespace", "table", "detail"):
        if getattr(u, key) is not None:
            out[key] = getattr(u, key)
    return out


def _mysql_text(obj) -> dict:
    """The ``mysql:`` character set and collation of a module, table or column, where it names them."""
    out = {}
    if getattr(obj, "mysql_charset", None):
        out["charset"] = obj.mysql_charset
    if getattr(obj, "mysql_collation", None):
        out["collation"] = obj.mysql_collation
    return out


# -------------------------------------------------------------------------------------- SQL files

def view_files(v: View, module_ns: str, stem: str | None = None) -> dict[str, str]:
    """One file per definition; the header carries the view's fields, extra statements follow. The statements
    are the dialect renderer's (``create_view_sql``, what ``generate`` prints), with only the options the view
    sets; a portable definition (``*``) is PostgreSQL SQL, as the loader reads it."""
    stem = stem or view_stem(v.name)
    out = {}
    for dialect, query in sorted(v.definitions):
        target = dialects.spelled_in(dialect)
        q = target.quote(v.name)
        name = q if v.namespace == module_ns else f"{target.quote(v.namespace)}.{q}"
        render = target.renderer
        stmts = [render.create_view_sql(v, name, query, explicit=True)] + [s for d, s in v.extra_sql if d == dialect]
        comment = render.view_comment_sql(v, name)
        if comment:
            stmts.append(comment)
        suffix = "" if dialect == PORTABLE else f".{dialect}"
        out[f"views/{stem}{suffix}.sql"] = ";\n\n".join(stmts) + ";\n"
    # extra statements of a dialect without its own definition go with the portable file
    return out


def routine_files(m: Module) -> dict[str, str]:
    out: dict[str, str] = {}
    for kind, items in (("functions", m.functions), ("triggers", m.triggers)):
        for obj in items:
            stem = file_stem(obj.name)
            path = f"{kind}/{stem}.{obj.dialect}.sql"
            n = 2
            while path in out:
                path = f"{kind}/{stem}_{n}.{obj.dialect}.sql"
                n += 1
            text = obj.sql.rstrip()
            out[path] = text + ("\n" if text.endswith(";") else ";\n")
    return out


def module_files(m: Module) -> dict[str, str]:
    """Every file of the module, by path relative to the module's folder (``tables/jobs.yaml`` ...)."""
    files = {"module.yaml": yamltext.document(module_dict(m), header(2))}
    used: set[str] = set()
    for t in m.tables:
        stem = file_stem(t.name)
        if stem in used:
            stem = file_stem(f"{t.namespace}.{t.name}")
        used.add(stem)
        files[f"tables/{stem}.yaml"] = yamltext.document(table_dict(t, m.namespace), header(3))
    stems = {v.name for v in m.views if view_file_ok(v.name)}
    for v in m.views:
        stem = view_stem(v.name, stems)
        stems.add(stem)
        files.update(view_files(v, m.namespace, stem))
    files.update(routine_files(m))
    return files


__all__ = ["module_files", "table_dict", "module_dict"]
