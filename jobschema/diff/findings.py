"""Changes and row counts → ``Finding``s, under stable audit codes (JS3xx).

Codes are claimed here, once, in ``jobschema.codes`` (the table lint codes are claimed in too); claiming a
code twice fails at import. A code is never reused for another meaning once released; docs/audit.md lists
them all (``tests`` check that it does).
Conversion is a dispatch table keyed by Change class, one small function per kind.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import codes
from ..finding import Finding, Severity, sort_findings
from ..model.objects import PORTABLE
from . import changes as ch
from .counts import probe_findings, quote_value


def register(code: str, title: str) -> str:
    return codes.claim(code, title, "audit", __name__)


MISSING_TABLE = register("JS301", "table missing")
MISSING_COLUMN = register("JS302", "column missing")
COLUMN_TYPE = register("JS303", "column type differs")
COLUMN_NULL = register("JS304", "column nullability differs")
COLUMN_DEFAULT = register("JS305", "column default differs")
COLUMN_IDENTITY = register("JS306", "column identity differs")
COLUMN_GENERATED = register("JS307", "generated column expression differs")
COLUMN_COLLATION = register("JS308", "column collation differs")
COMMENT = register("JS309", "comment differs")
MISSING_CHECK = register("JS310", "CHECK constraint missing")
CHECK_VALUES = register("JS311", "CHECK allows other values")
CHECK_EXPRESSION = register("JS312", "CHECK expression differs")
DUPLICATE_CHECK = register("JS313", "more than one CHECK constrains a column")
RENAMED = register("JS314", "same meaning under another name")
NOT_VALID = register("JS318", "constraint is NOT VALID")
PRIMARY_KEY = register("JS315", "primary key missing or different")
MISSING_UNIQUE = register("JS316", "unique key missing")
UNIQUE_DIFFERS = register("JS317", "unique key differs")
TABLE_OPTIONS = register("JS319", "table engine, character set or collation differs")
MISSING_INDEX = register("JS320", "index missing")
INDEX_DIFFERS = register("JS321", "index differs")
COLUMN_POSITION = register("JS322", "column position differs")
COLUMN_VISIBILITY = register("JS323", "column visibility (INVISIBLE) differs")
MISSING_FK = register("JS325", "foreign key missing")
FK_DIFFERS = register("JS326", "foreign key differs")
RLS_DISABLED = register("JS330", "row-level security disabled")
RLS_FORCE = register("JS331", "FORCE ROW LEVEL SECURITY differs")
MISSING_POLICY = register("JS332", "policy missing")
POLICY_DIFFERS = register("JS333", "policy differs")
MISSING_VIEW = register("JS340", "view missing")
VIEW_DIFFERS = register("JS341", "view differs")
MISSING_FUNCTION = register("JS345", "function missing")
FUNCTION_DIFFERS = register("JS346", "function differs")
MISSING_TRIGGER = register("JS347", "trigger missing")
TRIGGER_DIFFERS = register("JS348", "trigger differs")
MISSING_EXTENSION = register("JS350", "extension missing")
EXTRA_TABLE = register("JS360", "table not in the schema")
EXTRA_COLUMN = register("JS361", "column not in the schema")
EXTRA_INDEX = register("JS362", "index not in the schema")
EXTRA_CONSTRAINT = register("JS363", "constraint not in the schema")
EXTRA_POLICY = register("JS364", "policy not in the schema")
EXTRA_RLS = register("JS365", "row-level security enabled but not in the schema")
EXTRA_VIEW = register("JS366", "view not in the schema")
EXTRA_FUNCTION = register("JS367", "function not in the schema")
EXTRA_TRIGGER = register("JS368", "trigger not in the schema")
EXTRA_TYPE = register("JS369", "enum type not in the schema")
UNMANAGED = register("JS370", "object the schema cannot describe")
UNMANAGED_MISSING = register("JS371", "recorded object the schema cannot describe is missing")
UNMANAGED_DIFFERS = register("JS372", "object the schema cannot describe differs from its record")
UNREADABLE = register("JS373", "object the audit's user may not read")
# JS380 (live rows violate a desired constraint) and JS381 (could not be counted): counts.py


_q = quote_value


def _vals(values) -> str:
    return ", ".join(values)


def _finding(c: ch.Change, code: str, message: str, expected=None, actual=None, hint=None, data=None,
             severity: Severity | None = None) -> Finding:
    return Finding(code=code, severity=severity or c.severity, path=c.path, message=message,
                   expected=None if expected is None else str(expected),
                   actual=None if actual is None else str(actual), hint=hint, module=c.module,
                   data=data or {})


def _identity_text(col) -> str:
    """``always``, ``by default (start 10, increment 10)`` or ``none``."""
    if not col.identity:
        return "none"
    o = col.identity_options
    if o is None:
        return col.identity
    opts = [f"{k.replace('_', ' ')} {getattr(o, k)}" for k in ("start", "increment", "min_value", "max_value", "cache")
            if getattr(o, k) is not None] + (["cycle"] if o.cycle else [])
    return f"{col.identity} ({', '.join(opts)})"


def _col_decl(h, col) -> str:
    out = h.native_type(col) if h else col.type
    out += "" if col.nullable else " NOT NULL"
    d = h.default_text(col) if h else None
    if d is not None:
        out += f" DEFAULT {d}"
    return out


_DISPATCH: dict[type, Callable] = {}


def converts(cls: type):
    def deco(fn):
        _DISPATCH[cls] = fn
        return fn
    return deco


def _live(c: ch.Change) -> str:
    return f" (live name {c.live_name})" if c.live_name and c.live_name != c.name else ""


@converts(ch.AddTable)
def _(c, h):
    t = c.desired
    place, name = (h.place(t.namespace), h.qualified(t.namespace, t.name)) if h else (t.namespace, t.qualified)
    return [_finding(c, MISSING_TABLE, f"table {t.name} does not exist in {place}",
                     expected=f"{name} with {len(t.columns)} columns", actual="absent",
                     data={"columns": [col.name for col in t.columns]})]


@converts(ch.AddColumn)
def _(c, h):
    col = c.desired
    return [_finding(c, MISSING_COLUMN, f"column {c.table}.{col.name} is missing", expected=_col_decl(h, col),
                     actual="absent")]


def _native_enum_finding(c: ch.ModifyColumn) -> Finding:
    """A column whose PostgreSQL native enum type differs: another type, labels missing or extra, labels in
    another order, or a switch between a native type and text with an enum CHECK."""
    d, lv = c.desired, c.live
    col = f"column {c.table}.{d.name}"
    if lv.enum_type is None:
        msg = f"{col} is {c.live_type} (an enum CHECK at most); the schema says native enum type {d.enum_type}"
    elif d.enum_type is None:
        msg = f"{col} has native enum type {lv.enum_type}; the schema says {c.desired_type} with an enum CHECK"
    else:
        parts = []
        if (d.enum_type, d.enum_type_namespace) != (lv.enum_type, lv.enum_type_namespace):
            parts.append(f"is of enum type {c.live_type.split(' enum(')[0]}, not {c.desired_type.split(' enum(')[0]}")
        if c.enum_missing:
            parts.append(f"lacks {_vals(_q(v) for v in c.enum_missing)}")
        if c.enum_extra:
            parts.append(f"also allows {_vals(_q(v) for v in c.enum_extra)}")
        common = [v for v in d.enum or () if v in (lv.enum or ())]
        if common != [v for v in lv.enum or () if v in (d.enum or ())]:
            parts.append("orders its labels " + ", ".join(_q(v) for v in lv.enum or ()) + " instead of " +
                         ", ".join(_q(v) for v in d.enum or ()))
        msg = f"{col} (enum type {lv.enum_type}) " + " and ".join(parts or ["differs"])
    return _finding(c, COLUMN_TYPE, msg, c.desired_type, c.live_type, severity=Severity.ERROR,
                    data={"missing": list(c.enum_missing), "extra": list(c.enum_extra),
                          "desired_labels": list(d.enum or ()), "live_labels": list(lv.enum or ())})


@converts(ch.ModifyColumn)
def _(c, h):
    d, lv, t = c.desired, c.live, c.table
    out = []
    if "type" in c.kinds and getattr(h, "native_enum_types", False) and (d.enum_type or lv.enum_type):
        out.append(_native_enum_finding(c))
    elif "type" in c.kinds and (c.enum_missing or c.enum_extra):  # enum-typed column (MySQL ENUM)
        parts = []
        if c.enum_missing:
            parts.append(f"lacks {_vals(_q(v) for v in c.enum_missing)}")
        if c.enum_extra:
            parts.append(f"also allows {_vals(_q(v) for v in c.enum_extra)}")
        out.append(_finding(c, COLUMN_TYPE, f"column {t}.{d.name} ENUM {' and '.join(parts)}",
                            c.desired_type, c.live_type, severity=Severity.ERROR,
                            data={"missing": list(c.enum_missing), "extra": list(c.enum_extra)}))
    elif "type" in c.kinds:
        out.append(_finding(c, COLUMN_TYPE, f"column {t}.{d.name} is {c.live_type}; the schema says {c.desired_type}",
                            c.desired_type, c.live_type, severity=Severity.ERROR))
    if "null" in c.kinds:
        want = "NULL" if d.nullable and not lv.nullable else "NOT NULL"
        have = "NOT NULL" if not lv.nullable else "NULL"
        msg = (f"column {t}.{d.name} allows NULL; the schema says NOT NULL" if want == "NOT NULL"
               else f"column {t}.{d.name} is NOT NULL; the schema allows NULL")
        out.append(_finding(c, COLUMN_NULL, msg, want, have, severity=Severity.ERROR))
    if "default" in c.kinds:
        want = c.desired_default or "no default"
        have = c.live_default or "no default"
        out.append(_finding(c, COLUMN_DEFAULT, f"column {t}.{d.name} defaults to {have}; the schema says {want}",
                            want, have, severity=Severity.WARNING))
    if "on_update" in c.kinds:
        want, have = (h.sql_text(d.on_update) if h else None), (h.sql_text(lv.on_update) if h else None)
        out.append(_finding(c, COLUMN_DEFAULT, f"column {t}.{d.name} is set on update to {have or 'nothing'}; the "
                            f"schema says {want or 'nothing'}", want, have, severity=Severity.WARNING))
    if "identity" in c.kinds:
        want, have = _identity_text(d), _identity_text(lv)
        out.append(_finding(c, COLUMN_IDENTITY, f"column {t}.{d.name} identity is {have}; the schema says {want}",
                            want, have, severity=Severity.WARNING))
    if "generated" in c.kinds:
        dg, lg = (h.sql_text(d.generated) if h else None), (h.sql_text(lv.generated) if h else None)
        out.append(_finding(c, COLUMN_GENERATED, f"column {t}.{d.name} is generated as {lg or 'nothing'}; the "
                            f"schema says {dg or 'not generated'}", dg, lg, severity=Severity.ERROR))
    if "collation" in c.kinds:
        want, have = c.desired_collation or d.collation, c.live_collation or lv.collation
        out.append(_finding(c, COLUMN_COLLATION, f"column {t}.{d.name} has collation {have or 'default'}; "
                            f"the schema says {want}", want, have or "default", severity=Severity.WARNING))
    if "comment" in c.kinds:
        out.append(_finding(c, COMMENT, f"comment on column {t}.{d.name} differs", d.comment, lv.comment,
                            severity=Severity.WARNING))
    if "visibility" in c.kinds:
        want, have = ("INVISIBLE" if d.invisible else "visible"), ("INVISIBLE" if lv.invisible else "visible")
        out.append(_finding(c, COLUMN_VISIBILITY, f"column {t}.{d.name} is {have}; the schema says {want}",
                            want, have, severity=Severity.WARNING))
    if "position" in c.kinds:
        names = [x.name for x in c.desired_table.columns] if c.desired_table else [d.name]
        at = names.index(d.name) if d.name in names else 0
        want = f"after {names[at - 1]}" if at else "first"
        live_names = [x.name for x in c.live_table.columns] if c.live_table else []
        li = live_names.index(lv.name) if lv.name in live_names else 0
        have = f"after {live_names[li - 1]}" if li else "first"
        out.append(_finding(c, COLUMN_POSITION, f"column {t}.{d.name} comes {have}; the schema puts it {want}",
                            want, have, severity=Severity.WARNING))
    return out


@converts(ch.ModifyTableOptions)
def _(c, h):
    want = ", ".join(f"{k} {d or 'default'}" for k, d, _ in c.options)
    have = ", ".join(f"{k} {lv or 'default'}" for k, _, lv in c.options)
    return [_finding(c, TABLE_OPTIONS, f"table {c.table} has {have}; the schema says {want}", want, have)]


@converts(ch.ModifyTableComment)
def _(c, h):
    return [_finding(c, COMMENT, f"comment on table {c.table} differs", c.desired.comment, c.live.comment)]


def _check_text(h, chk) -> str | None:
    if chk is None:
        return None
    text = h.sql_text(chk.expression) if h else chk.expression.text
    return text + " NO INHERIT" if chk.no_inherit else text


@converts(ch.AddCheck)
def _(c, h):
    what = f"enum CHECK on {c.table}.{c.column}" if c.column and c.desired.name.endswith("_check") else "CHECK"
    return [_finding(c, MISSING_CHECK, f"{what} {c.desired.name} is missing", _check_text(h, c.desired), "absent")]


@converts(ch.ModifyCheck)
def _(c, h):
    if c.missing or c.extra:
        parts = []
        if c.missing:
            parts.append(f"rejects {_vals(map(_q, c.missing))} (allowed by the schema)")
        if c.extra:
            parts.append(f"allows {_vals(map(_q, c.extra))} (not in the schema)")
        msg = f"CHECK on {c.table}.{c.column}{_live(c)} " + " and ".join(parts)
        return [_finding(c, CHECK_VALUES, msg, _check_text(h, c.desired), _check_text(h, c.live),
                         data={"column": c.column, "missing": list(c.missing), "extra": list(c.extra),
                               "live_name": c.live_name})]
    return [_finding(c, CHECK_EXPRESSION, f"CHECK {c.desired.name}{_live(c)} on {c.table} says something else",
                     _check_text(h, c.desired), _check_text(h, c.live), data={"live_name": c.live_name})]


@converts(ch.ModifyConstraintComment)
def _(c, h):
    what = "CHECK" if c.of == "check" else c.of
    return [_finding(c, COMMENT, f"comment on {what} {c.live_name} on {c.table} differs", c.desired.comment,
                     c.live.comment)]


@converts(ch.ValidateConstraint)
def _(c, h):
    what = "CHECK" if c.of == "check" else c.of
    return [_finding(c, NOT_VALID, f"{what} {c.live_name} on {c.table} is NOT VALID: rows added before it were "
                     "never checked", "validated", "NOT VALID", data={"live_name": c.live_name, "of": c.of})]


@converts(ch.DuplicateColumnCheck)
def _(c, h):
    other = getattr(c.matched, "name", None)
    return [_finding(c, DUPLICATE_CHECK, f"column {c.table}.{c.column} is constrained by CHECK {c.live_name} "
                     f"as well as {other}; the extra one keeps enforcing its own rule",
                     f"one CHECK on {c.column}", _check_text(h, c.live),
                     data={"column": c.column, "live_name": c.live_name, "also": other})]


@converts(ch.RenamedEquivalent)
def _(c, h):
    dname = c.name if c.desired is None else c.desired.name or c.path.rsplit(".", 1)[-1]
    return [_finding(c, RENAMED, f"{c.of} {dname} exists as {c.live_name} on {c.table} (same meaning, other name)",
                     dname, c.live_name, data={"of": c.of, "live_name": c.live_name})]


def _cols(cols) -> str:
    return "(" + ", ".join(cols) + ")"


@converts(ch.AddPrimaryKey)
def _(c, h):
    return [_finding(c, PRIMARY_KEY, f"table {c.table} has no primary key", _cols(c.desired.columns), "none")]


@converts(ch.ModifyPrimaryKey)
def _(c, h):
    return [_finding(c, PRIMARY_KEY, f"primary key of {c.table} is {_cols(c.live.columns)}",
                     _cols(c.desired.columns), _cols(c.live.columns), data={"live_name": c.live_name})]


@converts(ch.AddUniqueKey)
def _(c, h):
    return [_finding(c, MISSING_UNIQUE, f"unique key {c.desired.name} {_cols(c.desired.columns)} on {c.table} is "
                     "missing", _cols(c.desired.columns), "absent")]


@converts(ch.ModifyUniqueKey)
def _(c, h):
    return [_finding(c, UNIQUE_DIFFERS, f"unique key {c.desired.name}{_live(c)} on {c.table} differs "
                     f"({', '.join(sorted(c.kinds))})", _unique(c.desired), _unique(c.live),
                     data={"kinds": sorted(c.kinds), "live_name": c.live_name})]


def _unique(u) -> str:
    return _cols(u.columns) + (" NULLS NOT DISTINCT" if u.nulls_not_distinct else "")


def _index(h, ix) -> str:
    if ix is None:
        return "absent"
    parts = []
    for p in ix.parts:
        s = p.column if p.column is not None else f"({h.sql_text(p.expression) if h else p.expression})"
        if p.opclass:
            s += f" {p.opclass}"
        if p.descending:
            s += " DESC"
        parts.append(s)
    out = ("UNIQUE " if ix.unique else "") + f"{ix.method} ({', '.join(parts)})"
    if ix.include:
        out += f" INCLUDE ({', '.join(ix.include)})"
    if ix.where is not None:
        out += f" WHERE {h.sql_text(ix.where) if h else ix.where}"
    if ix.parser:
        out += f" WITH PARSER {ix.parser}"
    if ix.ignored:
        out += " IGNORED"
    return out


@converts(ch.AddIndex)
def _(c, h):
    return [_finding(c, MISSING_INDEX, f"index {c.desired.name} on {c.table} is missing", _index(h, c.desired),
                     "absent")]


@converts(ch.ModifyIndex)
def _(c, h):
    return [_finding(c, INDEX_DIFFERS, f"index {c.desired.name} on {c.table} differs ({', '.join(sorted(c.kinds))})",
                     _index(h, c.desired), _index(h, c.live), data={"kinds": sorted(c.kinds)})]


def _fk(fk) -> str:
    ref = f"{fk.ref_namespace + '.' if fk.ref_namespace else ''}{fk.ref_table}{_cols(fk.ref_columns)}"
    out = f"{_cols(fk.columns)} → {ref} ON DELETE {fk.on_delete.upper()} ON UPDATE {fk.on_update.upper()}"
    if fk.match != "simple":
        out += f" MATCH {fk.match.upper()}"
    if fk.deferrable:
        out += " DEFERRABLE" + (" INITIALLY DEFERRED" if fk.initially_deferred else "")
    return out


@converts(ch.AddForeignKey)
def _(c, h):
    return [_finding(c, MISSING_FK, f"foreign key {c.desired.name} on {c.table} is missing", _fk(c.desired), "absent")]


@converts(ch.ModifyForeignKey)
def _(c, h):
    return [_finding(c, FK_DIFFERS, f"foreign key {c.desired.name}{_live(c)} on {c.table} differs "
                     f"({', '.join(sorted(c.kinds))})", _fk(c.desired), _fk(c.live),
                     data={"kinds": sorted(c.kinds), "live_name": c.live_name})]


@converts(ch.EnableRls)
def _(c, h):
    return [_finding(c, RLS_DISABLED, f"row-level security is disabled on {c.table}; its policies are not enforced",
                     "ENABLE ROW LEVEL SECURITY", "disabled")]


@converts(ch.ForceRls)
def _(c, h):
    want = "FORCE" if c.forced else "NO FORCE"
    have = "NO FORCE" if c.forced else "FORCE"
    return [_finding(c, RLS_FORCE, f"row-level security on {c.table} is {have.lower()}d for the owner; the schema "
                     f"says {want}", want, have)]


@converts(ch.DisableRls)
def _(c, h):
    return [_finding(c, EXTRA_RLS, f"row-level security is enabled on {c.table} but not in the schema",
                     "disabled", "enabled")]


def _policy(h, p) -> str:
    if p is None:
        return "absent"
    out = f"{'PERMISSIVE' if p.permissive else 'RESTRICTIVE'} FOR {p.command.upper()} TO {', '.join(p.roles)}"
    if p.using is not None:
        out += f" USING ({h.sql_text(p.using) if h else p.using})"
    if p.with_check is not None:
        out += f" WITH CHECK ({h.sql_text(p.with_check) if h else p.with_check})"
    return out


@converts(ch.AddPolicy)
def _(c, h):
    return [_finding(c, MISSING_POLICY, f"policy {c.desired.name} on {c.table} is missing", _policy(h, c.desired),
                     "absent")]


@converts(ch.ModifyPolicy)
def _(c, h):
    return [_finding(c, POLICY_DIFFERS, f"policy {c.desired.name} on {c.table} differs ({', '.join(sorted(c.kinds))})",
                     _policy(h, c.desired), _policy(h, c.live), data={"kinds": sorted(c.kinds)})]


def _view_def(h, v) -> str | None:
    if v is None:
        return None
    q = v.definition(h.dialect if h else PORTABLE)  # without a dialect only the shared text is known
    return " ".join(q.split()) if q else None


@converts(ch.AddView)
def _(c, h):
    kind = "materialized view" if c.desired.materialized else "view"
    return [_finding(c, MISSING_VIEW, f"{kind} {c.desired.name} does not exist", _view_def(h, c.desired), "absent")]


@converts(ch.ModifyView)
def _(c, h):
    kind = "materialized view" if c.desired.materialized else "view"
    kinds = sorted(c.kinds)
    if c.kinds == {"comment"}:
        want = h.view_comment(c.desired) if h else c.desired.comment
        return [_finding(c, COMMENT, f"comment on {kind} {c.desired.name} differs", want, c.live.comment)]
    exp_, act = _view_def(h, c.desired), _view_def(h, c.live)
    if "materialized" in c.kinds:
        exp_, act = kind, "materialized view" if c.live.materialized else "view"
    return [_finding(c, VIEW_DIFFERS, f"{kind} {c.desired.name} differs ({', '.join(kinds)})", exp_, act,
                     data={"kinds": kinds})]


@converts(ch.AddFunction)
def _(c, h):
    return [_finding(c, MISSING_FUNCTION, f"{c.desired.kind} {c.desired.signature} does not exist",
                     c.desired.signature, "absent")]


@converts(ch.ModifyFunction)
def _(c, h):
    kinds = sorted(c.kinds)
    if "signature" in c.kinds:
        return [_finding(c, FUNCTION_DIFFERS, f"{c.desired.kind} {c.desired.name} exists only as {c.live.signature}",
                         c.desired.signature, c.live.signature, data={"kinds": kinds})]
    exp_ = act = None
    if kinds == ["body"]:
        exp_, act = " ".join(c.desired.body.split())[:300], " ".join(c.live.body.split())[:300]
    elif "returns" in c.kinds:
        exp_, act = c.desired.returns, c.live.returns
    return [_finding(c, FUNCTION_DIFFERS, f"{c.desired.kind} {c.desired.signature} differs ({', '.join(kinds)})",
                     exp_, act, data={"kinds": kinds})]


def _trigger(t) -> str:
    return f"{t.timing} {' OR '.join(t.events)} EXECUTE {t.function or '?'}"


@converts(ch.AddTrigger)
def _(c, h):
    return [_finding(c, MISSING_TRIGGER, f"trigger {c.desired.name} on {c.table} is missing", _trigger(c.desired),
                     "absent")]


@converts(ch.ModifyTrigger)
def _(c, h):
    return [_finding(c, TRIGGER_DIFFERS, f"trigger {c.desired.name} on {c.table} differs "
                     f"({', '.join(sorted(c.kinds))})", _trigger(c.desired), _trigger(c.live),
                     data={"kinds": sorted(c.kinds)})]


@converts(ch.AddExtension)
def _(c, h):
    return [_finding(c, MISSING_EXTENSION, f"extension {c.desired} is not installed", c.desired, "absent")]


@converts(ch.DropTable)
def _(c, h):
    return [_finding(c, EXTRA_TABLE, f"table {c.table} is not in the schema", "absent",
                     h.qualified(c.live.namespace, c.live.name) if h else c.live.qualified)]


@converts(ch.DropColumn)
def _(c, h):
    return [_finding(c, EXTRA_COLUMN, f"column {c.table}.{c.live.name} is not in the schema", "absent",
                     _col_decl(h, c.live))]


@converts(ch.DropIndex)
def _(c, h):
    return [_finding(c, EXTRA_INDEX, f"index {c.live.name} on {c.table} is not in the schema", "absent",
                     _index(h, c.live))]


@converts(ch.DropCheck)
def _(c, h):
    return [_finding(c, EXTRA_CONSTRAINT, f"CHECK {c.live.name} on {c.table} is not in the schema", "absent",
                     _check_text(h, c.live), data={"live_name": c.live_name})]


@converts(ch.DropPrimaryKey)
def _(c, h):
    name = f"primary key {c.live.name}" if c.live.name else "primary key"
    return [_finding(c, EXTRA_CONSTRAINT, f"{name} on {c.table} is not in the schema", "absent",
                     _cols(c.live.columns), data={"live_name": c.live_name})]


@converts(ch.DropUniqueKey)
def _(c, h):
    return [_finding(c, EXTRA_CONSTRAINT, f"unique key {c.live.name} on {c.table} is not in the schema", "absent",
                     _unique(c.live), data={"live_name": c.live_name})]


@converts(ch.DropForeignKey)
def _(c, h):
    return [_finding(c, EXTRA_CONSTRAINT, f"foreign key {c.live.name} on {c.table} is not in the schema", "absent",
                     _fk(c.live), data={"live_name": c.live_name})]


@converts(ch.DropPolicy)
def _(c, h):
    return [_finding(c, EXTRA_POLICY, f"policy {c.live.name} on {c.table} is not in the schema", "absent",
                     _policy(h, c.live))]


@converts(ch.DropView)
def _(c, h):
    kind = "materialized view" if c.live.materialized else "view"
    return [_finding(c, EXTRA_VIEW, f"{kind} {c.live.name} is not in the schema", "absent", _view_def(h, c.live))]


@converts(ch.DropFunction)
def _(c, h):
    return [_finding(c, EXTRA_FUNCTION, f"{c.live.kind} {c.live.signature} is not in the schema", "absent",
                     c.live.signature)]


@converts(ch.DropTrigger)
def _(c, h):
    return [_finding(c, EXTRA_TRIGGER, f"trigger {c.live.name} on {c.table} is not managed by the schema", "absent",
                     _trigger(c.live))]


@converts(ch.DropEnumType)
def _(c, h):
    return [_finding(c, EXTRA_TYPE, f"enum type {c.live_name} is not in the schema and no column uses it", "absent",
                     c.detail)]


@converts(ch.UnmanagedObject)
def _(c, h):
    where = f" on {c.table}" if c.table else ""
    return [_finding(c, UNMANAGED, f"{c.of} {c.live_name}{where} is not managed by jobschema (the schema cannot "
                     "describe it)", None, c.detail, data={"kind": c.of})]


@converts(ch.AddUnmanaged)
def _(c, h):
    where = f" on {c.table}" if c.table else ""
    return [_finding(c, UNMANAGED_MISSING, f"{c.of} {c.name}{where} is recorded in the module but missing",
                     c.detail, "absent", data={"kind": c.of})]


@converts(ch.ModifyUnmanaged)
def _(c, h):
    where = f" on {c.table}" if c.table else ""
    return [_finding(c, UNMANAGED_DIFFERS, f"{c.of} {c.name}{where} differs from the module's record", c.detail,
                     c.live_detail, data={"kind": c.of})]
@converts(ch.Unreadable)
def _(c, h):
    return [_finding(c, UNREADABLE, f"the {c.of} of {c.live_name} is hidden from this user, so it was not compared",
                     None, "hidden", hint=c.detail, data={"kind": c.of})]


def change_findings(changes, hooks=None) -> list[Finding]:
    out: list[Finding] = []
    for c in changes:
        fn = None
        for cls in type(c).__mro__:
            fn = _DISPATCH.get(cls)
            if fn:
                break
        if fn is None:
            out.append(Finding(code=UNMANAGED, severity=c.severity, path=c.path, module=c.module,
                               message=f"{type(c).__name__} at {c.path}"))
            continue
        out.extend(fn(c, hooks))
    return out


def findings(changes, probes=(), hooks=None) -> list[Finding]:
    """What the audit reports: the changes, and the rows the probe counted against the constraints they add."""
    return sort_findings(change_findings(changes, hooks) + probe_findings(probes))
