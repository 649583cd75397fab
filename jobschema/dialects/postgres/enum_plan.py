"""Fix-migration steps for PostgreSQL native enum types (``enum_type`` columns).

How a native type changes, cheapest first:

* a label the schema maps one-to-one with ``legacy_values`` to a label the type lacks is renamed in place
  (``ALTER TYPE ... RENAME VALUE``): the rows follow, nothing is rewritten;
* labels the type lacks, where the others keep their order, are added where the schema puts them
  (``ADD VALUE ... BEFORE|AFTER``). A label added in a transaction cannot be used before it commits, so when
  the same file uses it (a default) the step runs outside a transaction, and so does the file;
* anything else (labels removed, reordered) makes a new type: the old one is renamed aside, the new one is
  created, every column is converted with ``ALTER COLUMN ... TYPE ... USING`` — the legacy mapping as a
  ``CASE`` — with its default dropped before and set again after, and the old type is dropped;
* text (+ the enum CHECK) to a native type drops the live value CHECKs of the column first (a CHECK comparing
  the column with text would fail the conversion) and converts the same way; a native type to text converts
  first (``widen_values``), so the legacy rewrites and the CHECK that follow work on text.

Rows holding a label the schema neither allows nor maps stop the plan before anything is written (the audit
counted them). A type shared by several columns is created, renamed and dropped once.
"""

from __future__ import annotations

from dataclasses import replace

from ...diff import changes as ch
from ...model.objects import Table
from ...plan.context import ALLOW_DESTRUCTIVE, Context
from ...plan.steps import Step
from ..base import literal_pg, quote_pg
from .normalize import HOOKS
from .render import create_enum_type_sql, default_sql, qname

_DOLLAR = "$jobschema$"


def _state(ctx: Context) -> dict:
    """What this plan already did to enum types (several changes may share one type)."""
    return ctx.__dict__.setdefault("_pg_enum_types", {"types": set(), "checks": set()})


def _t(c: ch.Change) -> str:
    return qname(c.namespace, c.table)


def _guarded(statement: str, condition: str, notice: str | None = None) -> str:
    """``statement`` run unless it raises ``condition`` (a DO block: PostgreSQL has no IF [NOT] EXISTS here)."""
    handler = f"RAISE NOTICE {literal_pg(notice)}" if notice else "NULL"
    return (f"DO {_DOLLAR} BEGIN {statement} EXCEPTION WHEN {condition} THEN {handler}; END {_DOLLAR};")


def _create_if_missing(key: tuple[str, str], labels: tuple[str, ...]) -> str:
    schema = f"CREATE SCHEMA IF NOT EXISTS {quote_pg(key[0])};\n" if key[0] != "public" else ""
    return schema + _guarded(create_enum_type_sql(key, labels), "duplicate_object")


def _drop_if_unused(key: tuple[str, str]) -> str:
    return _guarded(f"DROP TYPE {qname(*key)};", "dependent_objects_still_exist",
                    f"enum type {key[0]}.{key[1]} is still used and was kept")


def _desired_keys(ctx: Context) -> set[tuple[str, str]]:
    return {k for m in ctx.project.modules for t in m.tables for c in t.columns
            if (k := c.enum_type_in(t.namespace)) is not None}


def create_types(table: Table, columns, c: ch.Change, ctx: Context) -> list[Step]:
    """``CREATE TYPE`` for the native enum types of columns being added, unless it exists or this plan made it."""
    done = _state(ctx)["types"]
    steps = []
    for col in columns:
        key = col.enum_type_in(table.namespace)
        if key is None or col.enum is None or ("create", key) in done:
            continue
        done.add(("create", key))
        steps.append(Step.of("create_namespaces", _create_if_missing(key, col.enum), c,
                             key=f"enum type:{key[0]}.{key[1]}"))
    return steps


def already_dropped(c: ch.Change, ctx: Context) -> bool:
    """A live CHECK this plan drops already, or will whatever order the changes come in: one holding a column
    that is converted from text to a native type to a value list (``_drop_value_checks``)."""
    if (c.namespace, c.table, c.live_name) in _state(ctx)["checks"]:
        return True
    vs = HOOKS.check_meaning(c.live).value_set if c.live is not None and hasattr(c.live, "expression") else None
    if vs is None:
        return False
    return any(isinstance(x, ch.ModifyColumn) and "type" in x.kinds and (x.namespace, x.table) == (c.namespace, c.table)
               and x.live.name.lower() == vs[0] and x.desired.enum_type_in(x.namespace) is not None
               and x.live.enum_type_in(x.namespace) is None for x in ctx.changes)


def _using(col: str, mapping: list[tuple[str, str]], target: str, array: bool) -> str:
    if array:
        expr = f"{col}::text[]"
        for old, new in mapping:
            expr = f"array_replace({expr}, {literal_pg(old)}, {literal_pg(new)})"
        return f"({expr})::{target}[]"
    src = f"{col}::text"
    if not mapping:
        return f"{src}::{target}"
    whens = " ".join(f"WHEN {literal_pg(old)} THEN {literal_pg(new)}" for old, new in mapping)
    return f"(CASE {src} {whens} ELSE {src} END)::{target}"


def _convert(c: ch.ModifyColumn, phase: str, target_type: str, using: str, note: str | None = None) -> Step:
    """DROP DEFAULT → TYPE ... USING → SET DEFAULT, one step: a default typed with the old type cannot be cast."""
    d, lv = c.desired, c.live
    q = quote_pg(d.name)
    sql = []
    if lv.default is not None:
        sql.append(f"ALTER TABLE {_t(c)} ALTER COLUMN {q} DROP DEFAULT;")
    sql.append(f"ALTER TABLE {_t(c)} ALTER COLUMN {q} TYPE {target_type} USING {using};")
    if d.default is not None:
        sql.append(f"ALTER TABLE {_t(c)} ALTER COLUMN {q} SET DEFAULT {default_sql(d, d.default)};")
    return Step.of(phase, "\n".join(sql), c, note=note)


def _refuse_leftovers(c: ch.ModifyColumn, ctx: Context) -> bool:
    left, err = ctx.leftover_values(c, c.desired.enum, c.desired.name)
    if left:
        ctx.refuse(c, ctx.leftover_reason(left, c.desired.name))
        return True
    if err:
        ctx.note(f"{c.path}: rows were not counted ({err}); the conversion fails, and the file rolls back, if a row "
                 "holds a label the schema does not allow")
    return False


def _mapping(c: ch.ModifyColumn, live_labels) -> list[tuple[str, str]]:
    return [(old, new) for old, new in c.desired.legacy_values if live_labels is None or old in live_labels]


def modify(c: ch.ModifyColumn, ctx: Context) -> tuple[list[Step], set[str]] | None:
    """Steps changing a column's native enum type (or switching it from or to text), and the column kinds
    they take care of; None when neither side of the column is a native enum type."""
    d, lv = c.desired, c.live
    if "type" not in c.kinds or d.enum is None and lv.enum_type is None:
        return None
    dkey, lkey = d.enum_type_in(c.namespace), lv.enum_type_in(c.namespace)
    if dkey is None and lkey is None:
        return None
    array = d.type.endswith("[]")
    if dkey is not None and dkey == lkey:
        return _same_type(c, ctx, dkey, array)
    if lkey is not None and dkey is None:  # native type -> text; the enum CHECK and rewrites follow on text
        text = "text[]" if array else "text"
        steps = [_convert(c, "widen_values", text, f"{quote_pg(d.name)}::{text}",
                          note=f"from enum type {lv.enum_type} to text")]
        steps += _drop_old_type(c, ctx, lkey)
        return steps, {"type", "default"}
    # text (+ CHECK) or another enum type -> this native type
    if _refuse_leftovers(c, ctx):
        return [], set(c.kinds)
    steps = _drop_value_checks(c, ctx) if lkey is None else []
    if ("create", dkey) not in _state(ctx)["types"]:
        _state(ctx)["types"].add(("create", dkey))
        steps.append(Step.of("create_namespaces", _create_if_missing(dkey, d.enum), c))
    steps.append(_convert(c, "alter_columns", qname(*dkey) + "[]" * array,
                          _using(quote_pg(d.name), _mapping(c, lv.enum), qname(*dkey), array)))
    if lkey is not None:
        steps += _drop_old_type(c, ctx, lkey)
    return steps, {"type", "default"}


def _drop_value_checks(c: ch.ModifyColumn, ctx: Context) -> list[Step]:
    """The live CHECKs holding the column to a value list: they compare it with text, which the native type
    cannot be compared with, and the type now enforces the values."""
    out = []
    for ck in c.live_table.checks:
        vs = HOOKS.check_meaning(ck).value_set
        if vs is None or vs[0] != c.live.name.lower():
            continue
        _state(ctx)["checks"].add((c.namespace, c.table, ck.name))
        # planned here, so no longer "left out" as a drop that needs --allow-destructive
        ctx.omitted[:] = [o for o in ctx.omitted if o.change.live is not ck]
        out.append(Step.of("drop_constraints", f"ALTER TABLE {_t(c)} DROP CONSTRAINT {quote_pg(ck.name)};", c,
                           note=f"the enum type {c.desired.enum_type} enforces the values of {ck.name} from now on"))
    return out


def _drop_old_type(c: ch.ModifyColumn, ctx: Context, key: tuple[str, str]) -> list[Step]:
    if key in _desired_keys(ctx) or ("drop", key) in _state(ctx)["types"]:
        return []
    _state(ctx)["types"].add(("drop", key))
    return [Step.of("narrow_values", _drop_if_unused(key), c,
                    note=f"enum type {key[1]} is used by no column of the schema")]


def _defaults_use(ctx: Context, key: tuple[str, str], labels: list[str]) -> bool:
    """Whether a column of the type defaults to one of ``labels`` (then the file sets or uses that default)."""
    return any(c.default is not None and c.default.kind == "literal" and c.default.value in labels
               for m in ctx.project.modules for t in m.tables for c in t.columns if c.enum_type_in(t.namespace) == key)


def _same_type(c: ch.ModifyColumn, ctx: Context, key: tuple[str, str], array: bool
               ) -> tuple[list[Step], set[str]]:
    d, lv = c.desired, c.live
    desired = list(d.enum)
    live = list(lv.enum or ())
    targets = [new for _, new in d.legacy_values]
    renames = []
    for old, new in d.legacy_values:
        if old in live and old not in desired and new not in live and targets.count(new) == 1:
            renames.append((old, new))
            live[live.index(old)] = new
    extra = [v for v in live if v not in desired]
    in_order = [v for v in desired if v in live] == [v for v in live if v in desired]
    done = _state(ctx)["types"]
    first = ("labels", key) not in done
    done.add(("labels", key))
    name = qname(*key)
    if not extra and in_order:  # rename and add in place
        steps = []
        if first:
            for old, new in renames:
                steps.append(Step.of("widen_values", f"ALTER TYPE {name} RENAME VALUE {literal_pg(old)} TO "
                                     f"{literal_pg(new)};", c, key=f"enum rename:{name}:{old}",
                                     note=f"legacy value {old!r} → {new!r} (legacy_values in the schema): the rows "
                                     "follow the label"))
            added = []
            for i, v in enumerate(desired):
                if v in live:
                    continue
                if i > 0:
                    where = f"AFTER {literal_pg(desired[i - 1])}"
                else:
                    where = f"BEFORE {literal_pg(next(x for x in desired if x in live))}"
                added.append(v)
                live.insert(live.index(desired[i - 1]) + 1 if i > 0 else 0, v)
                steps.append(Step.of("widen_values", f"ALTER TYPE {name} ADD VALUE {literal_pg(v)} {where};", c,
                                     key=f"enum add:{name}:{v}"))
            if _defaults_use(ctx, key, added):  # a label added in a transaction is unusable until it commits
                steps = [s if not s.key.startswith("enum add:") else
                         replace(s, statement=replace(s.statement, transactional=False),
                                 note="outside a transaction: the file uses the new label") for s in steps]
        return steps, {"type"}
    # labels removed or reordered: a new type, the columns converted, the old type dropped
    if _refuse_leftovers(c, ctx):  # rows holding a label nothing replaces: named before anything else
        return [], set(c.kinds)
    mapped = {old for old, _ in d.legacy_values}
    removed = [v for v in extra if v not in mapped]
    if removed and not ctx.options.allow_destructive:  # narrowing the type: a label nothing replaces is gone
        ctx.omit(c, f"removes the label{'s' * (len(removed) > 1)} {', '.join(removed)} from {d.enum_type}; "
                 f"{ALLOW_DESTRUCTIVE}")
        return [], set(c.kinds)
    old_name = _aside(key[1])
    steps = []
    if first:
        steps.append(Step.of("widen_values", f"ALTER TYPE {name} RENAME TO {quote_pg(old_name)};", c,
                             key=f"enum aside:{name}", note="the live type is set aside and replaced by the schema's"))
        steps.append(Step.of("widen_values", create_enum_type_sql(key, d.enum), c,
                             after=(f"enum aside:{name}",)))
        steps.append(Step.of("narrow_values", _drop_if_unused((key[0], old_name)), c))
    steps.append(_convert(c, "alter_columns", name + "[]" * array,
                          _using(quote_pg(d.name), _mapping(c, lv.enum), name, array)))
    return steps, {"type", "default"}


def _aside(name: str) -> str:
    """The name the replaced type takes while the columns move to the new one (63 bytes at most)."""
    suffix = "_jobschema_old"
    raw = name.encode("utf-8")[: 63 - len(suffix)].decode("utf-8", "ignore")
    return raw + suffix


def _labels(detail: str | None) -> list[str]:
    """``'a', 'b'`` (an enum type's recorded labels, ``quote_literal``'s) → ``['a', 'b']``, read by sqlglot's
    tokenizer."""
    import sqlglot
    from sqlglot.tokens import TokenType

    return [t.text for t in sqlglot.Dialect.get_or_raise("postgres").tokenize(detail or "")
            if t.token_type == TokenType.STRING]


def modify_unused(c: ch.ModifyUnmanaged, ctx: Context) -> list[Step]:
    """An enum type no column uses, with other labels than recorded: labels added in place where every live
    one is kept in order (as for a used type); otherwise the type is made again — nothing holds its labels,
    but a label removed needs ``--allow-destructive`` like a used type's."""
    want, have = _labels(c.detail), _labels(c.live_detail)
    key = (c.namespace, c.name or c.live_name)
    name = qname(*key)
    if [v for v in want if v in have] == have:
        steps, live = [], list(have)
        for i, v in enumerate(want):
            if v in live:
                continue
            where = f"AFTER {literal_pg(want[i - 1])}" if i > 0 else \
                f"BEFORE {literal_pg(next(x for x in want if x in live))}"
            live.insert(live.index(want[i - 1]) + 1 if i > 0 else 0, v)
            steps.append(Step.of("widen_values", f"ALTER TYPE {name} ADD VALUE {literal_pg(v)} {where};", c,
                                 key=f"enum add:{name}:{v}"))
        return steps
    removed = [v for v in have if v not in want]
    if removed and not ctx.options.allow_destructive:
        return ctx.omit(c, f"removes the label{'s' * (len(removed) > 1)} {', '.join(removed)} from {key[1]}; "
                        f"{ALLOW_DESTRUCTIVE}")
    # DROP fails, and the file rolls back, if something other than a column (a function, a domain) uses it
    return [Step.of("widen_values", f"DROP TYPE {name};", c, key=f"enum remake:{name}", destructive=bool(removed)),
            Step.of("widen_values", create_enum_type_sql(key, tuple(want)), c, after=(f"enum remake:{name}",))]
