"""Audit changes → an ordered, safe fix migration for one module and dialect.

The whole ordering policy is ``PHASES`` below; each dialect's ``dialects/<name>/plan.py`` turns one kind
of change into ``Step``s for the phases it names (a dict keyed by change class), and this module sorts
them (phase, then dependencies inside a phase, then the order the changes came in).

Three rules make a fix apply on the databases that need it (the hand-written fix in the seed incident
added the new CHECK before rewriting the old values, and so failed on exactly those databases):

* legacy values are rewritten (``legacy_values`` in the schema) before the desired constraint is added,
  after the live constraint that rejects the new values is dropped by its *live* name — on MySQL the
  ENUM is widened to the union first and narrowed after;
* PostgreSQL constraints are added ``NOT VALID`` and then validated; a CHECK whose legacy values are
  rewritten is added ``NOT VALID`` *before* the rewrite (with the column's new default), so rows written
  while the batched rewrite runs are checked, and validated after it;
* rows that would still violate a desired constraint after the mapping stop the plan (``PlanRefused``)
  before anything is written, naming the values and counts — unless ``allow_not_valid`` leaves the
  constraint ``NOT VALID`` on PostgreSQL, with a comment saying so.

Nothing destructive (dropping tables, columns, constraints, policies; narrowing a type) is planned unless
``allow_destructive``: a change whose fix ``removes`` something (every ``Drop*``, which the differ marks
``destructive``) is left out here; whether a type change narrows is the dialect's question (it knows which
types widen). What is left out is listed in the file and in the result; the refusals' wording is written
once, in ``context.py``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..diff import changes as ch
from ..errors import PlanRefused
from ..model.objects import Project
from .context import ALLOW_DESTRUCTIVE, Context, PlanDialect, PlanOptions
from .steps import Plan, Step, annotate

PHASES = (
    "prelude",                # SET lock_timeout; PostgreSQL: the module's namespace on the search path
    "create_namespaces",      # schemas, extensions
    "create_types",           # PostgreSQL: sequences, domains and types the tables use
    "drop_dependents",        # policies, views, triggers that are recreated below
    "drop_constraints",       # live constraints being replaced, by their live names; legacy second CHECKs
    "create_tables",
    "add_columns",            # NOT NULL columns are added nullable, backfilled, then set NOT NULL
    "widen_values",           # MySQL: ENUM widened to the union of live and desired values
    "set_defaults",           # PostgreSQL: a column's new default, before the new rule checks new rows
    "guard_constraints",      # PostgreSQL: a CHECK whose legacy values are rewritten, added NOT VALID first
    "rewrite_values",         # UPDATE legacy value → new value, from the schema's legacy_values
    "backfill",               # NULLs filled from the column default
    "alter_columns",          # type, default, NOT NULL
    "narrow_values",          # MySQL: ENUM narrowed to the desired values
    "add_constraints",        # PostgreSQL: NOT VALID, so adding takes no long lock
    "validate_constraints",   # PostgreSQL: VALIDATE CONSTRAINT
    "indexes",                # optionally CONCURRENTLY (then the file runs without a transaction)
    "foreign_keys",
    "validate_foreign_keys",
    "functions",
    "function_constraints",   # PostgreSQL: a CHECK calling a function created above, added and validated
    "views",                  # in dependency order
    "triggers",
    "rls",
    "policies",
    "comments",
    "renames",                # same meaning, other name: rename to the schema's name
    "drops",                  # only with allow_destructive
    "epilogue",               # session settings of the prelude reset, so later files are unaffected
)
_RANK = {p: i for i, p in enumerate(PHASES)}

def plan(changes: Sequence[ch.Change], project: Project, module: str, target: PlanDialect, *,
         probes: Sequence = (), options: PlanOptions | None = None) -> Plan:
    """The ordered steps fixing ``changes`` (one module, on the ``target`` dialect from the registry), or
    ``PlanRefused`` naming every change that cannot be fixed safely. Nothing is written here."""
    options = options or PlanOptions()
    dialect = target.name
    ctx = Context(dialect, options, project, changes=tuple(changes))
    for r in probes:
        ctx.probes.setdefault(id(r.change), []).append(r)
    for c in changes:
        if c.live_table is not None:
            ctx.live_tables.setdefault((c.namespace, c.live_table.name), c.live_table)
        elif isinstance(c, ch.AddTable):
            ctx.created_tables.add((c.namespace, c.table))
    shapes = target.plan_shapes()
    handlers, prelude = shapes.HANDLERS, shapes.prelude
    result = Plan(dialect, module, changes=list(changes))
    steps: list[Step] = []
    for c in changes:
        if c.destructive and c.removes and not options.allow_destructive:
            ctx.omit(c, f"{c.removes}; {ALLOW_DESTRUCTIVE}")
            continue
        handler = handlers.get(type(c))
        if isinstance(c, ch.UnmanagedObject) and handler is None:
            ctx.omit(c, "not described by the schema; listed only")
            continue
        if isinstance(c, ch.Unreadable):
            ctx.omit(c, "hidden from the audit's user; not compared")
            continue
        if handler is None:
            ctx.omit(c, f"not planned automatically on {dialect}; change it by hand")
            continue
        steps.extend(handler(c, ctx))
    if ctx.refusals:
        lines = ["the fix migration was not written: it would fail or lose data on the live rows"]
        lines += [f"  {r}" for r in ctx.refusals]
        lines.append("  (rewrite or delete those rows, or map them with legacy_values in the schema, then audit "
                     "again" + ("; --allow-not-valid keeps such a constraint NOT VALID on PostgreSQL)"
                                if shapes.NOT_VALID else ")"))
        raise PlanRefused("\n".join(lines))
    steps = _once(steps)
    if steps:
        steps = prelude(options, ctx.module(module)) + steps
    result.steps = annotate(order(steps), getattr(shapes, "STEP_FACTS", None))
    result.omitted = ctx.omitted
    result.notes = ctx.notes
    return result


def _once(steps: list[Step]) -> list[Step]:
    """A statement two changes need (a view read by two changed views is dropped and created again for
    each) is written once, where it first came."""
    seen: set[tuple[str, str]] = set()
    out = []
    for s in steps:
        if (s.phase, s.sql) not in seen:
            seen.add((s.phase, s.sql))
            out.append(s)
    return out


def order(steps: list[Step]) -> list[Step]:
    """Phase order, then inside a phase each step after the steps named in its ``after`` (stable)."""
    out: list[Step] = []
    by_phase: dict[str, list[Step]] = {}
    for s in steps:
        if s.phase not in _RANK:
            raise ValueError(f"unknown plan phase {s.phase!r}")
        by_phase.setdefault(s.phase, []).append(s)
    for phase in PHASES:
        group = by_phase.get(phase, [])
        keys = {s.key for s in group if s.key}
        done: set[str] = set()
        placed: list[Step] = []
        pending = list(group)
        while pending:
            progressed = False
            for s in list(pending):
                if all(a in done or a not in keys for a in s.after):
                    placed.append(s)
                    pending.remove(s)
                    if s.key:
                        done.add(s.key)
                    progressed = True
            if not progressed:  # a cycle: keep the given order for the rest
                placed += pending
                break
        out += placed
    return out
