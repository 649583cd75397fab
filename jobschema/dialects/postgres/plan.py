"""PostgreSQL statement shapes for fix migrations: one builder per change class (``HANDLERS``).

Objects are rendered by ``render.py`` (the same functions ``generate`` uses); this file adds only what a
fix needs on top: ``ALTER TABLE ... ADD``, ``NOT VALID`` + ``VALIDATE CONSTRAINT``, ``CONCURRENTLY``,
legacy-value rewrites, backfills and drops by live name. The phases are ``plan.planner.PHASES``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...diff import changes as ch
from ...model.objects import Module, Rls, Table
from ...plan.context import ALLOW_DESTRUCTIVE, Context, PlanOptions
from ...plan.steps import Step
from ..base import dependent_views, literal_pg, quote_pg, view_order
from . import enum_plan, fk_plan, rebuild_plan, unmanaged_plan, view_deps
from .column_plan import add_column, drop_column, drop_key_name, modify_column
from .normalize import HOOKS
from .online import AE, SUE
from .online import facts as STEP_FACTS  # noqa: F401 - the planner reads it from this module
from .render import (
    PostgresRenderer,
    add_constraint_sql,
    called_functions,
    check_sql,
    deferral_sql,
    foreign_key_sql,
    index_sql,
    qname,
    unique_sql,
)

# PostgreSQL lock modes recorded on the statements that take them on a live table
ACCESS_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE = AE, SUE  # SHARE UPDATE EXCLUSIVE: reads and writes go on


def prelude(options: PlanOptions, module: Module) -> list[Step]:
    """Session settings for the file. A module outside ``public`` names its tables unqualified in views,
    functions and policies, so its namespace goes first on the search path, reset at the end of the file."""
    steps = [Step.of("prelude", f"SET lock_timeout = {literal_pg(options.lock_timeout)};", None,
                     comment="fail instead of queueing behind the application's locks")]
    if module.namespace != "public":
        steps += [Step.of("prelude", f"SET search_path TO {quote_pg(module.namespace)}, public;", None,
                          comment=f"resolve the module's unqualified names in {module.namespace}"),
                  Step.of("epilogue", "RESET search_path;", None, comment="leave the session's search path as it was")]
    return steps


def _t(c: ch.Change) -> str:
    return qname(c.namespace, c.table)


def _renderer(ctx: Context, c: ch.Change) -> PostgresRenderer:
    return PostgresRenderer(ctx.module(c.module), ctx.project)


def _steps(phase: str, chunks: list[str], c: ch.Change, **kw) -> list[Step]:
    return [Step.of(phase, chunk.strip(), c, **kw) for chunk in chunks if chunk.strip()]


def _schema(c: ch.Change, ctx: Context) -> list[Step]:
    """``CREATE SCHEMA IF NOT EXISTS`` before an object created in a namespace other than the module's
    (an inspected database's other schemas): the audited database may not have it yet."""
    ns = c.namespace
    if not ns or ns in ("public", ctx.module(c.module).namespace):
        return []
    return [Step.of("create_namespaces", f"CREATE SCHEMA IF NOT EXISTS {quote_pg(ns)};", c)]


def _values(values) -> str:
    return ", ".join(literal_pg(v) for v in values)


# ------------------------------------------------------------------------------------------- tables

def add_table(c: ch.AddTable, ctx: Context) -> list[Step]:
    if unmanaged_plan.held_by_partition(c, ctx) and not ctx.options.allow_destructive:
        return ctx.omit(c, f"a live partition holds the name; it is dropped first, {ALLOW_DESTRUCTIVE}")
    r = _renderer(ctx, c)
    t = c.desired
    steps = _schema(c, ctx) + enum_plan.create_types(t, t.columns, c, ctx)
    steps += _steps("create_tables", r.table(t), c, key=f"table:{t.qualified}")
    steps += _steps("indexes", r.indexes(t), c)
    steps += _steps("foreign_keys", r.foreign_keys(t), c)
    steps += _steps("function_constraints", r.function_checks(t), c)
    steps += _steps("policies", r.rls(t), c)
    return steps


def drop_table(c: ch.DropTable, ctx: Context) -> list[Step]:
    return [Step.of("drops", f"DROP TABLE {_t(c)};", c, key=f"drop-table:{c.table}")]


def table_comment(c: ch.ModifyTableComment, ctx: Context) -> list[Step]:
    text = literal_pg(c.desired.comment) if c.desired.comment else "NULL"
    return [Step.of("comments", f"COMMENT ON TABLE {_t(c)} IS {text};", c)]


# -------------------------------------------------------------------------------------- constraints

def _validate(phase: str, c: ch.Change, name: str) -> Step:
    """``VALIDATE CONSTRAINT``: scans the rows without blocking reads or writes."""
    return Step.of(phase, f"ALTER TABLE {_t(c)} VALIDATE CONSTRAINT {quote_pg(name)};", c,
                   lock=SHARE_UPDATE_EXCLUSIVE)


def _drop_constraint(c: ch.Change, phase: str = "drop_constraints") -> Step:
    return Step.of(phase, f"ALTER TABLE {_t(c)} DROP CONSTRAINT {quote_pg(c.live_name or c.live.name)};",
                   c, note=f"the live constraint is named {c.live_name or c.live.name}")


def _calls_new_function(c: ch.Change, ctx: Context) -> bool:
    """Does the desired CHECK call a function this plan creates or replaces? PostgreSQL resolves the call
    when the constraint is added, so it must come after the ``functions`` phase."""
    made = {f"{x.desired.name}".lower() for x in ctx.changes
            if isinstance(x, (ch.AddFunction, ch.ModifyFunction)) and x.desired is not None}
    if not made:
        return False
    return bool(called_functions(HOOKS.sql_text(c.desired.expression)) & made)


def _add_check(c: ch.Change, ctx: Context, live_allowed) -> list[Step]:
    d = c.desired
    meaning = HOOKS.check_meaning(d)
    steps: list[Step] = []
    violations = None
    if meaning.value_set is not None:
        column, allowed = meaning.value_set
        for old, new in ctx.legacy_map(c, column, live_allowed):
            steps.append(Step.of("rewrite_values", f"UPDATE {_t(c)} SET {quote_pg(column)} = {literal_pg(new)} "
                                 f"WHERE {quote_pg(column)} = {literal_pg(old)};", c,
                                 note=f"legacy value {old!r} → {new!r} (legacy_values in the schema)"))
        left, err = ctx.leftover_values(c, allowed, column)
        if err:
            ctx.note(f"{c.path}: rows were not counted ({err}); VALIDATE fails, and the file rolls back, if any "
                     "row still violates the check")
        if left:
            violations = ctx.leftover_reason(left, column)
    elif not d.validated:  # the schema keeps it NOT VALID: the rows it would not check are not counted
        pass
    else:
        violations, err = ctx.check_violations(c, d.expression.text)
        if not violations and err:
            ctx.note(f"{c.path}: rows were not counted ({err})")
    # with legacy values to rewrite, the new rule goes in first: the batched rewrite runs while the
    # application writes, and NOT VALID checks those writes without checking the rows still to rewrite
    late = _calls_new_function(c, ctx)
    phase = "guard_constraints" if steps else "function_constraints" if late else "add_constraints"
    steps.append(Step.of(phase, add_constraint_sql(_t(c), check_sql(d), not_valid=True), c,
                         not_valid=True, lock=ACCESS_EXCLUSIVE))
    if not d.validated:
        steps[-1] = replace(steps[-1], note="kept NOT VALID (not_valid in the schema)")
    elif violations is None:
        steps.append(_validate("function_constraints" if late else "validate_constraints", c, d.name))
    elif ctx.options.allow_not_valid:
        steps[-1] = replace(steps[-1], note=f"left NOT VALID (--allow-not-valid): {violations}; new rows are checked, "
                            "old ones are not until VALIDATE CONSTRAINT succeeds")
        ctx.note(f"{d.name} on {c.table} is left NOT VALID: {violations}")
    else:
        return ctx.refuse(c, violations)
    return steps


def add_check(c: ch.AddCheck, ctx: Context) -> list[Step]:
    return _add_check(c, ctx, None)


def modify_check(c: ch.ModifyCheck, ctx: Context) -> list[Step]:
    live_vs = HOOKS.check_meaning(c.live).value_set
    added = _add_check(c, ctx, sorted(live_vs[1]) if live_vs else None)
    if not added:
        return []
    return [_drop_constraint(c)] + added


def drop_duplicate_check(c: ch.DuplicateColumnCheck, ctx: Context) -> list[Step]:
    return [] if enum_plan.already_dropped(c, ctx) else [_drop_constraint(c)]


def drop_constraint(c: ch.Change, ctx: Context) -> list[Step]:
    if enum_plan.already_dropped(c, ctx):
        return []
    if getattr(c, "referenced_by", ()):  # a key foreign keys depend on: before the schema's new keys are added
        return _drop_key(c, ctx, "drops")
    name = c.live_name or c.live.name
    key = f"drop-fk:{c.namespace}.{c.table}.{name}" if isinstance(c, ch.DropForeignKey) else drop_key_name(c, name)
    # a CHECK only loosens a rule: dropped first, so a column type change or a function drop it reads
    # from does not fail on it
    phase = "drop_constraints" if isinstance(c, ch.DropCheck) else "drops"
    return [replace(_drop_constraint(c, phase), key=key)]


def constraint_comment(c: ch.ModifyConstraintComment, ctx: Context) -> list[Step]:
    """Before ``renames``: the constraint still has its live name."""
    text = literal_pg(c.desired.comment) if c.desired.comment else "NULL"
    if c.of == "index":
        return [Step.of("comments", f"COMMENT ON INDEX {qname(c.namespace, c.live_name)} IS {text};", c)]
    return [Step.of("comments", f"COMMENT ON CONSTRAINT {quote_pg(c.live_name)} ON {_t(c)} IS {text};", c)]


def validate(c: ch.ValidateConstraint, ctx: Context) -> list[Step]:
    """``VALIDATE CONSTRAINT`` on a live NOT VALID constraint; refused (or, with --allow-not-valid, left as it
    is) when live rows violate it, naming the count."""
    if c.of == "check":
        why, err = ctx.check_violations(c, HOOKS.sql_text(c.live.expression))
    else:
        why, err = ctx.orphans(c), None
    if err:
        ctx.note(f"{c.path}: rows were not counted ({err}); VALIDATE fails, and the file rolls back, if any "
                 "row violates it")
    if why:
        if ctx.options.allow_not_valid:
            ctx.omit(c, f"left NOT VALID (--allow-not-valid): {why}")
            return []
        return ctx.refuse(c, f"{why}; {c.live_name} cannot be validated")
    phase = "validate_constraints" if c.of == "check" else "validate_foreign_keys"
    return [_validate(phase, c, c.live_name)]


def invalidate(c: ch.InvalidateConstraint, ctx: Context) -> list[Step]:
    """A validated live constraint the schema keeps NOT VALID: dropped and added again NOT VALID. No row
    changes; the rows are not checked again."""
    if c.of == "check":
        add = Step.of("add_constraints", add_constraint_sql(_t(c), check_sql(c.desired), not_valid=True), c,
                      not_valid=True, lock=ACCESS_EXCLUSIVE)
    else:
        add = Step.of("foreign_keys", foreign_key_sql(c.desired_table, c.desired, not_valid=True), c,
                      not_valid=True, lock="SHARE ROW EXCLUSIVE")
    return [_drop_constraint(c), replace(add, note="kept NOT VALID (not_valid in the schema)")]


def _around_referencing(c: ch.Change, ctx: Context) -> tuple[list[Step], tuple[str, ...]]:
    """The foreign keys that depend on a key being dropped (PostgreSQL refuses to drop it under them): each is
    dropped first and, where the schema keeps it, added again after the key changed (NOT VALID, then
    VALIDATE). Returns the steps and the keys the key's own drop must come after."""
    steps, keys = [], []
    for ns, table, fk in getattr(c, "referenced_by", ()):
        dt = next((t for m in ctx.project.modules for t in m.tables if (t.namespace, t.name) == (ns, table)), None)
        dfk = next((f for f in dt.foreign_keys if f.name == fk.name), None) if dt is not None else None
        key = f"drop-fk:{ns}.{table}.{fk.name}"
        keys.append(key)
        # a key the schema drops with a foreign key it drops too: both go with the other drops, where that foreign
        # key's own drop (the same statement, written once) is
        phase = "drops" if dfk is None and c.removes else "drop_constraints"
        steps.append(Step.of(phase, f"ALTER TABLE {qname(ns, table)} DROP CONSTRAINT {quote_pg(fk.name)};",
                             c, key=key, note=f"foreign key {fk.name} depends on {c.live_name}; added again below"
                             if dfk is not None else f"foreign key {fk.name} depends on {c.live_name}"))
        if dfk is not None:
            owner = next(m for m in ctx.project.modules if dt in m.tables)
            steps += fk_plan.added(owner, dt, dfk, c)
    return steps, tuple(keys)


def _drop_key(c: ch.Change, ctx: Context, phase: str = "drop_constraints") -> list[Step]:
    """A primary or unique key dropped by its live name, after the foreign keys that depend on it."""
    around, keys = _around_referencing(c, ctx)
    if any(s.phase == "drops" for s in around):
        phase = "drops"
    elif keys:
        phase = "drop_constraints"
    return around + [replace(_drop_constraint(c, phase), after=keys, key=drop_key_name(c, c.live_name or c.live.name))]


def add_primary_key(c: ch.Change, ctx: Context) -> list[Step]:
    pk = c.desired
    bad = ctx.key_violations(c, pk.columns)
    if bad:
        return ctx.refuse(c, bad)
    name = pk.name or f"{c.table}_pkey"
    ix = _adoptable(c) if isinstance(c, ch.AddPrimaryKey) else None
    if ix is not None:
        return [_using_index(c, ix, "PRIMARY KEY")]
    steps = [Step.of("add_constraints", f"ALTER TABLE {_t(c)} ADD CONSTRAINT {quote_pg(name)} PRIMARY KEY "
                     f"({', '.join(quote_pg(x) for x in pk.columns)}){deferral_sql(pk)};", c)]
    if isinstance(c, ch.ModifyPrimaryKey) and c.live_name:
        steps = _drop_key(c, ctx) + steps
    return steps


def drop_primary_key(c: ch.DropPrimaryKey, ctx: Context) -> list[Step]:
    """Dropped with the constraints being replaced, before ``alter_columns`` may drop NOT NULL on its columns."""
    return _drop_key(c, ctx)


def _adopts(key, ix) -> bool:
    """Whether a live unique index can become ``key`` (``ADD CONSTRAINT ... USING INDEX``): a plain btree
    index over exactly its columns, in order, with no predicate, INCLUDE, expression or sort option."""
    return (ix.unique and ix.method == "btree" and ix.where is None and not ix.include
            and ix.nulls_not_distinct == getattr(key, "nulls_not_distinct", False)
            and tuple(p.column for p in ix.parts) == tuple(key.columns)
            and all(p.column is not None and not p.descending and p.nulls_first is None and p.opclass is None
                    for p in ix.parts))


def _adoptable(c: ch.Change):
    """The live unique index an added key takes over, when the schema drops that index (so it is not kept
    beside the key) or names the key after it."""
    lt, dt = c.live_table, c.desired_table
    if lt is None or dt is None:
        return None
    kept = {ix.name for ix in dt.indexes}
    for ix in lt.indexes:
        if _adopts(c.desired, ix) and (ix.name not in kept or ix.name == c.desired.name):
            return ix
    return None


def _adopted_by_key(c: ch.DropIndex) -> bool:
    """Whether a unique or primary key the fix adds takes this live index over (``USING INDEX``)."""
    dt = c.desired_table
    if dt is None or c.live_table is None:
        return False
    live_keys = {tuple(u.columns) for u in c.live_table.uniques}
    if c.live_table.primary_key is not None:
        live_keys.add(tuple(c.live_table.primary_key.columns))
    wanted = [k for k in (dt.primary_key, *dt.uniques) if k is not None and tuple(k.columns) not in live_keys]
    return any(_adopts(k, c.live) for k in wanted)


def _using_index(c: ch.Change, ix, what: str) -> Step:
    name = c.desired.name or f"{c.table}_pkey"
    return Step.of("add_constraints", f"ALTER TABLE {_t(c)} ADD CONSTRAINT {quote_pg(name)} {what} USING INDEX "
                   f"{quote_pg(ix.name)}{deferral_sql(c.desired)};", c,
                   note=f"the unique index {ix.name} becomes the key (renamed to {name}); no second index is built")


def add_unique(c: ch.Change, ctx: Context) -> list[Step]:
    bad = ctx.key_violations(c, c.desired.columns)
    if bad:
        return ctx.refuse(c, bad)
    ix = _adoptable(c) if isinstance(c, ch.AddUniqueKey) else None
    if ix is not None:
        return [_using_index(c, ix, "UNIQUE")]
    steps = [Step.of("add_constraints", f"ALTER TABLE {_t(c)} ADD {unique_sql(c.desired)};", c)]
    if isinstance(c, ch.ModifyUniqueKey) and c.live_name:
        steps = _drop_key(c, ctx) + steps
    return steps


def add_foreign_key(c: ch.Change, ctx: Context) -> list[Step]:
    module = ctx.module(c.module)
    why = ctx.orphans(c) if c.desired.validated else None
    if why and (not ctx.options.allow_not_valid or fk_plan.partitioned(module, c.desired_table)):
        return ctx.refuse(c, why)  # a partitioned table's foreign key cannot be left NOT VALID
    steps = fk_plan.added(module, c.desired_table, c.desired, c, validate=c.desired.validated and not why)
    if not c.desired.validated:
        steps[0] = replace(steps[0], note="kept NOT VALID (not_valid in the schema)")
    elif why:
        steps[0] = replace(steps[0], note=f"left NOT VALID (--allow-not-valid): {why}")
        ctx.note(f"{c.desired.name} on {c.table} is left NOT VALID: {why}")
    if isinstance(c, ch.ModifyForeignKey) and c.live_name:
        steps.insert(0, _drop_constraint(c))
    return steps


# ------------------------------------------------------------------------------------------ indexes

def add_index(c: ch.Change, ctx: Context) -> list[Step]:
    concurrently = ctx.options.concurrently
    online = {"concurrently": concurrently, "transactional": not concurrently,
              "lock": SHARE_UPDATE_EXCLUSIVE if concurrently else "SHARE"}
    steps = [Step.of("indexes", index_sql(c.desired_table, c.desired, concurrently=concurrently), c, **online)]
    if isinstance(c, ch.ModifyIndex) and c.live_name:
        drop = "DROP INDEX CONCURRENTLY" if concurrently else "DROP INDEX"
        around, keys = _around_referencing(c, ctx)  # foreign keys the server ties to the old index go first
        steps[:0] = around + [Step.of("drop_constraints", f"{drop} {qname(c.namespace, c.live_name)};", c, after=keys,
                                      **online | {"lock": SHARE_UPDATE_EXCLUSIVE if concurrently else
                                                  ACCESS_EXCLUSIVE})]
    if c.desired.comment:
        steps.append(Step.of("comments", f"COMMENT ON INDEX {qname(c.namespace, c.desired.name)} IS "
                             f"{literal_pg(c.desired.comment)};", c))
    return steps


def drop_index(c: ch.DropIndex, ctx: Context) -> list[Step]:
    if _adopted_by_key(c):
        return []  # ADD CONSTRAINT ... USING INDEX takes it over
    around, keys = _around_referencing(c, ctx)  # foreign keys the server ties to this unique index go first
    return around + [Step.of("drops", f"DROP INDEX {qname(c.namespace, c.live_name)};", c,
                             key=drop_key_name(c, c.live_name), after=keys)]


def rename(c: ch.RenamedEquivalent, ctx: Context) -> list[Step]:
    live, name = quote_pg(c.live_name), quote_pg(c.desired.name or c.name)
    if c.of == "index":
        sql = f"ALTER INDEX {qname(c.namespace, c.live_name)} RENAME TO {name};"
    elif c.of == "policy":
        sql = f"ALTER POLICY {live} ON {_t(c)} RENAME TO {name};"
    else:
        sql = f"ALTER TABLE {_t(c)} RENAME CONSTRAINT {live} TO {name};"
    return [Step.of("renames", sql, c)]


# ---------------------------------------------------------------------------------------------- RLS

def enable_rls(c: ch.EnableRls, ctx: Context) -> list[Step]:
    return [Step.of("rls", f"ALTER TABLE {_t(c)} ENABLE ROW LEVEL SECURITY;", c)]


def disable_rls(c: ch.DisableRls, ctx: Context) -> list[Step]:
    return [Step.of("drops", f"ALTER TABLE {_t(c)} DISABLE ROW LEVEL SECURITY;", c)]


def force_rls(c: ch.ForceRls, ctx: Context) -> list[Step]:
    word = "FORCE" if c.forced else "NO FORCE"
    return [Step.of("rls", f"ALTER TABLE {_t(c)} {word} ROW LEVEL SECURITY;", c)]


def add_policy(c: ch.Change, ctx: Context) -> list[Step]:
    t: Table = replace(c.desired_table, rls=Rls(policies=(c.desired,)))
    steps = _steps("policies", _renderer(ctx, c).rls(t), c)
    if isinstance(c, ch.ModifyPolicy) and c.live_name:
        steps.insert(0, Step.of("drop_dependents", f"DROP POLICY {quote_pg(c.live_name)} ON {_t(c)};", c))
    return steps


def drop_policy(c: ch.DropPolicy, ctx: Context) -> list[Step]:
    return [Step.of("drops", f"DROP POLICY {quote_pg(c.live_name)} ON {_t(c)};", c)]


# ------------------------------------------------------------------------------ views and routines

def _view_after(ctx: Context, c: ch.Change) -> tuple[str, ...]:
    ordered = [v.name for v in view_order(ctx.module(c.module).views)]
    if c.desired.name not in ordered:
        return ()
    return tuple(f"view:{n}" for n in ordered[:ordered.index(c.desired.name)])


def _drop_view_step(c: ch.Change, v, views, note: str) -> Step:
    """``DROP VIEW`` after the views that read it are dropped (keys ``drop-view:<name>``)."""
    kind = "MATERIALIZED VIEW" if v.materialized else "VIEW"
    readers = tuple(f"drop-view:{d.name}" for d in dependent_views(views, v.name))
    return Step.of("drop_dependents", f"DROP {kind} {qname(c.namespace, v.name)};", c, note=note,
                   key=f"drop-view:{v.name}", after=readers)


def add_view(c: ch.Change, ctx: Context) -> list[Step]:
    v = c.desired
    r = _renderer(ctx, c)
    if isinstance(c, ch.ModifyView) and c.kinds == {"comment"}:  # COMMENT ON keeps the view and its grants
        text = HOOKS.view_comment(v)
        kind = "MATERIALIZED VIEW" if v.materialized else "VIEW"
        return [Step.of("comments", f"COMMENT ON {kind} {qname(c.namespace, v.name)} IS "
                        f"{literal_pg(text) if text else 'NULL'};", c)]
    steps = _schema(c, ctx) + _steps("views", r.view(v), c, key=f"view:{v.name}", after=_view_after(ctx, c))
    if isinstance(c, ch.ModifyView):
        views = ctx.module(c.module).views
        steps.insert(0, _drop_view_step(c, c.live, views, "recreated below with the schema's definition"))
        for d in dependent_views(views, v.name):  # PostgreSQL refuses to drop a view other views read
            steps.append(_drop_view_step(c, d, views, f"reads {v.name}: dropped and created again around it"))
            steps += _steps("views", r.view(d), c, key=f"view:{d.name}",
                            after=_view_after(ctx, replace(c, desired=d)))
    return steps


_CREATE_FN = re.compile(r"^\s*CREATE\s+(?!OR\s+REPLACE)", re.I)


def add_function(c: ch.Change, ctx: Context) -> list[Step]:
    f = c.desired
    text = _CREATE_FN.sub("CREATE OR REPLACE ", f.sql, count=1).rstrip()
    if not text.endswith(";"):
        text += ";"
    steps = _schema(c, ctx) + [Step.of("functions", text, c, key=f"function:{f.signature}")]
    kinds = getattr(c, "kinds", frozenset())
    if isinstance(c, ch.ModifyFunction) and "signature" in kinds:
        ctx.note(f"{c.path}: the function with the old arguments ({c.live_name}) is kept; drop it by hand once "
                 "nothing calls it")
    elif isinstance(c, ch.ModifyFunction) and kinds & {"returns", "kind"}:
        steps.insert(0, Step.of("drop_dependents", f"DROP {c.live.kind.upper()} {_routine(c.live)};", c,
                                note="its return type changed: CREATE OR REPLACE cannot do that"))
    return steps


def _routine(f) -> str:
    return f"{qname(f.namespace, f.name)}({f.arguments})"


def drop_function(c: ch.DropFunction, ctx: Context) -> list[Step]:
    return [Step.of("drops", f"DROP {c.live.kind.upper()} {_routine(c.live)};", c)]


def add_trigger(c: ch.Change, ctx: Context) -> list[Step]:
    tr = c.desired
    text = tr.sql.rstrip()
    steps = [Step.of("triggers", text if text.endswith(";") else text + ";", c)]
    if isinstance(c, ch.ModifyTrigger):
        steps.insert(0, Step.of("drop_dependents", f"DROP TRIGGER {quote_pg(c.live_name)} ON {_t(c)};", c))
    return steps


def drop_trigger(c: ch.DropTrigger, ctx: Context) -> list[Step]:
    return [Step.of("drops", f"DROP TRIGGER {quote_pg(c.live_name)} ON {_t(c)};", c)]


def drop_enum_type(c: ch.DropEnumType, ctx: Context) -> list[Step]:
    # after the drops of the columns (or tables) that use it, when the fix drops them
    after = tuple(k for u in c.users for k in (f"drop-column:{u}", f"drop-table:{u.split('.')[0]}"))
    return [Step.of("drops", f"DROP TYPE {qname(c.namespace, c.live_name)};", c, after=after)]


def add_extension(c: ch.AddExtension, ctx: Context) -> list[Step]:
    return [Step.of("create_namespaces", f"CREATE EXTENSION IF NOT EXISTS {quote_pg(c.desired)};", c)]


NOT_VALID = True  # --allow-not-valid keeps a violated constraint NOT VALID

HANDLERS = rebuild_plan.handlers({
    ch.AddTable: add_table, ch.DropTable: drop_table, ch.ModifyTableComment: table_comment,
    ch.AddColumn: add_column, ch.DropColumn: drop_column, ch.ModifyColumn: view_deps.wrap(modify_column),
    ch.AddPrimaryKey: add_primary_key, ch.ModifyPrimaryKey: add_primary_key, ch.DropPrimaryKey: drop_primary_key,
    ch.AddCheck: add_check, ch.ModifyCheck: modify_check, ch.DropCheck: drop_constraint,
    ch.DuplicateColumnCheck: drop_duplicate_check, ch.RenamedEquivalent: rename, ch.ValidateConstraint: validate,
    ch.InvalidateConstraint: invalidate,
    ch.ModifyConstraintComment: constraint_comment,
    ch.AddUniqueKey: add_unique, ch.ModifyUniqueKey: add_unique, ch.DropUniqueKey: drop_constraint,
    ch.AddForeignKey: add_foreign_key, ch.ModifyForeignKey: add_foreign_key, ch.DropForeignKey: drop_constraint,
    ch.AddIndex: add_index, ch.ModifyIndex: add_index, ch.DropIndex: drop_index,
    ch.EnableRls: enable_rls, ch.DisableRls: disable_rls, ch.ForceRls: force_rls,
    ch.AddPolicy: add_policy, ch.ModifyPolicy: add_policy, ch.DropPolicy: drop_policy,
    ch.AddView: add_view, ch.ModifyView: add_view, ch.DropView: view_deps.drop_view,
    ch.AddFunction: add_function, ch.ModifyFunction: add_function, ch.DropFunction: drop_function,
    ch.AddTrigger: add_trigger, ch.ModifyTrigger: add_trigger, ch.DropTrigger: drop_trigger,
    ch.AddExtension: add_extension, ch.DropEnumType: drop_enum_type,
    **unmanaged_plan.HANDLERS,
})
