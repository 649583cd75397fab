"""Changes and row counts → ``Finding``s, under stable audit codes (JS3xx).

Codes are claimed here, once, in ``jobschema.codes`` (the table lint codes are claimed in too); claiming a
code twice fails at import. A code is never reused for another meaning once released; docs/audit.md lists
them all (``tests`` check that it does).
Conversion is a dispatch table keyed by Change class, one small function per kind.
"""

from __future__ import annotations

from ..finding import Finding, Severity, sort_findings
from . import changes as ch
from .convert import (
    _DISPATCH,
    _check_text,
    _col_decl,
    _cols,
    _finding,
    _fk,
    _identity_text,
    _index,
    _live,
    _policy,
    _q,
    _trigger,
    _unique,
    _vals,
    _view_def,
    converts,
    register,
)
from .counts import probe_findings
from .extras import UNMANAGED

MISSING_TABLE = register("JS301", "table missing", __name__)
MISSING_COLUMN = register("JS302", "column missing", __name__)
COLUMN_TYPE = register("JS303", "column type differs", __name__)
COLUMN_NULL = register("JS304", "column nullability differs", __name__)
COLUMN_DEFAULT = register("JS305", "column default differs", __name__)
COLUMN_IDENTITY = register("JS306", "column identity differs", __name__)
COLUMN_GENERATED = register("JS307", "generated column expression differs", __name__)
COLUMN_COLLATION = register("JS308", "column collation differs", __name__)
COMMENT = register("JS309", "comment differs", __name__)
MISSING_CHECK = register("JS310", "CHECK constraint missing", __name__)
CHECK_VALUES = register("JS311", "CHECK allows other values", __name__)
CHECK_EXPRESSION = register("JS312", "CHECK expression differs", __name__)
DUPLICATE_CHECK = register("JS313", "more than one CHECK constrains a column", __name__)
RENAMED = register("JS314", "same meaning under another name", __name__)
NOT_VALID = register("JS318", "constraint is NOT VALID", __name__)
VALIDATED = register("JS324", "constraint is validated, the schema keeps it NOT VALID", __name__)
PRIMARY_KEY = register("JS315", "primary key missing or different", __name__)
MISSING_UNIQUE = register("JS316", "unique key missing", __name__)
UNIQUE_DIFFERS = register("JS317", "unique key differs", __name__)
TABLE_OPTIONS = register("JS319", "table engine, character set or collation differs", __name__)
MISSING_INDEX = register("JS320", "index missing", __name__)
INDEX_DIFFERS = register("JS321", "index differs", __name__)
COLUMN_POSITION = register("JS322", "column position differs", __name__)
COLUMN_VISIBILITY = register("JS323", "column visibility (INVISIBLE) differs", __name__)
MISSING_FK = register("JS325", "foreign key missing", __name__)
FK_DIFFERS = register("JS326", "foreign key differs", __name__)
RLS_DISABLED = register("JS330", "row-level security disabled", __name__)
RLS_FORCE = register("JS331", "FORCE ROW LEVEL SECURITY differs", __name__)
MISSING_POLICY = register("JS332", "policy missing", __name__)
POLICY_DIFFERS = register("JS333", "policy differs", __name__)
MISSING_VIEW = register("JS340", "view missing", __name__)
VIEW_DIFFERS = register("JS341", "view differs", __name__)
MISSING_FUNCTION = register("JS345", "function missing", __name__)
FUNCTION_DIFFERS = register("JS346", "function differs", __name__)
MISSING_TRIGGER = register("JS347", "trigger missing", __name__)
TRIGGER_DIFFERS = register("JS348", "trigger differs", __name__)
MISSING_EXTENSION = register("JS350", "extension missing", __name__)


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
    if "name" in c.kinds:
        out.append(_finding(c, RENAMED, f"column {t}.{lv.name} is spelled {d.name} in the schema", d.name, lv.name,
                            severity=Severity.WARNING))
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


@converts(ch.InvalidateConstraint)
def _(c, h):
    what = "CHECK" if c.of == "check" else c.of
    return [_finding(c, VALIDATED, f"{what} {c.live_name} on {c.table} is validated; the schema keeps it NOT VALID",
                     "NOT VALID", "validated", data={"live_name": c.live_name, "of": c.of})]


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


@converts(ch.AddIndex)
def _(c, h):
    return [_finding(c, MISSING_INDEX, f"index {c.desired.name} on {c.table} is missing", _index(h, c.desired),
                     "absent")]


@converts(ch.ModifyIndex)
def _(c, h):
    return [_finding(c, INDEX_DIFFERS, f"index {c.desired.name} on {c.table} differs ({', '.join(sorted(c.kinds))})",
                     _index(h, c.desired), _index(h, c.live), data={"kinds": sorted(c.kinds)})]


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


@converts(ch.AddPolicy)
def _(c, h):
    return [_finding(c, MISSING_POLICY, f"policy {c.desired.name} on {c.table} is missing", _policy(h, c.desired),
                     "absent")]


@converts(ch.ModifyPolicy)
def _(c, h):
    return [_finding(c, POLICY_DIFFERS, f"policy {c.desired.name} on {c.table} differs ({', '.join(sorted(c.kinds))})",
                     _policy(h, c.desired), _policy(h, c.live), data={"kinds": sorted(c.kinds)})]


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
