"""Findings for what the database has and the schema does not (JS360–JS369), what the schema cannot
describe (JS370–JS372: unmanaged objects, recorded and compared) and what the audit's user may not read
(JS373). Registered on import; ``findings`` imports this module."""

from __future__ import annotations

from . import changes as ch
from .convert import (
    _check_text,
    _col_decl,
    _cols,
    _finding,
    _fk,
    _index,
    _policy,
    _trigger,
    _unique,
    _view_def,
    converts,
    register,
)

EXTRA_TABLE = register("JS360", "table not in the schema", __name__)
EXTRA_COLUMN = register("JS361", "column not in the schema", __name__)
EXTRA_INDEX = register("JS362", "index not in the schema", __name__)
EXTRA_CONSTRAINT = register("JS363", "constraint not in the schema", __name__)
EXTRA_POLICY = register("JS364", "policy not in the schema", __name__)
EXTRA_RLS = register("JS365", "row-level security enabled but not in the schema", __name__)
EXTRA_VIEW = register("JS366", "view not in the schema", __name__)
EXTRA_FUNCTION = register("JS367", "function not in the schema", __name__)
EXTRA_TRIGGER = register("JS368", "trigger not in the schema", __name__)
EXTRA_TYPE = register("JS369", "enum type not in the schema", __name__)
UNMANAGED = register("JS370", "object the schema cannot describe", __name__)
UNMANAGED_MISSING = register("JS371", "recorded object the schema cannot describe is missing", __name__)
UNMANAGED_DIFFERS = register("JS372", "object the schema cannot describe differs from its record", __name__)
UNREADABLE = register("JS373", "object the audit's user may not read", __name__)


@converts(ch.DisableRls)
def _(c, h):
    return [_finding(c, EXTRA_RLS, f"row-level security is enabled on {c.table} but not in the schema",
                     "disabled", "enabled")]


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
    use = (f"only {', '.join(c.users)} use it, which the schema does not have" if c.users
           else "no column uses it")
    return [_finding(c, EXTRA_TYPE, f"enum type {c.live_name} is not in the schema and {use}", "absent", c.detail)]


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
