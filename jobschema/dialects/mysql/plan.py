"""MySQL/MariaDB statement shapes for fix migrations: one builder per change class (``HANDLERS``).

Column, index, key, check and view text comes from ``render.py`` (``MysqlRenderer.column_sql`` and
friends), so a fix spells objects exactly as ``generate`` does. What is MySQL's own:

* an ENUM change is widen → rewrite → narrow: ``MODIFY COLUMN`` to the union of the live and desired
  values, ``UPDATE`` the legacy values, then ``MODIFY COLUMN`` to the desired definition — no step ever
  rejects a value a row holds at that moment;
* there is no ``NOT VALID``: a constraint live rows would violate always stops the plan;
* DDL is not transactional: the executor records how far a failing file got;
* each ``ALTER TABLE`` says how InnoDB may run it (``online.py``): ``ALGORITHM=INSTANT`` or ``INPLACE`` with
  ``LOCK=NONE`` where writes can go on, so the server refuses rather than copying the table unannounced;
  a statement only a copy can run is written without the clause and marked ``rewrites=yes``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...diff import changes as ch
from ...diff import order
from ...model.objects import Module
from ...plan.context import ALLOW_DESTRUCTIVE, Context, PlanOptions
from ...plan.steps import Step
from ..base import literal_mysql, quote_mysql
from . import auto_key, charsets, unmanaged_plan
from .check_plan import add_check, drop_check, drop_duplicate_check, keeping_live_checks, modify_check, rename_check
from .online import BUILD, COPY, INSTANT, REBUILD, Online, dropping_key, enum_in_place, on_engine, varchar_in_place
from .online import facts as STEP_FACTS  # noqa: F401 - the planner reads it from this module
from .plan_base import alter as _alter
from .plan_base import flush as _flush
from .plan_base import renderer as _r
from .plan_base import steps_of as _steps
from .plan_base import table_name as _t
from .render import MysqlRenderer
from .routine_plan import add_function, add_trigger, add_view, drop_function, drop_trigger, drop_view


def prelude(options: PlanOptions, module: Module) -> list[Step]:
    """Session settings for the file (a MySQL database is the module's namespace: nothing to scope)."""
    m = re.match(r"^\s*(\d+)\s*(ms|s|min)?\s*$", options.lock_timeout)
    seconds = 5
    if m:
        n, unit = int(m.group(1)), m.group(2) or "ms"
        seconds = max(1, {"ms": n // 1000, "s": n, "min": n * 60}[unit])
    return [Step.of("prelude", f"SET SESSION lock_wait_timeout = {seconds};", None,
                    comment="fail instead of queueing behind the application's metadata locks")]


# ------------------------------------------------------------------------------------------- tables

def add_table(c: ch.AddTable, ctx: Context) -> list[Step]:
    r = _r(ctx, c)
    t = c.desired
    steps = _steps("create_tables", r.table(t), c, key=f"table:{t.name}")
    steps += _steps("indexes", r.indexes(t), c)  # a new table: nothing waits for it
    steps += _steps("foreign_keys", r.foreign_keys(t), c, **COPY.flags())
    r.rls(t)
    _flush(ctx, r)
    return steps


def drop_table(c: ch.DropTable, ctx: Context) -> list[Step]:
    return [Step.of("drops", f"DROP TABLE {_t(c)};", c)]


_RESET = {"checksum": "0", "key_block_size": "0", "delay_key_write": "0"}  # the rest take DEFAULT


def _options_sql(c: ch.ModifyTableOptions) -> str:
    """The desired options, and each live one the schema does not name back to its default."""
    (_, want, have), = [o for o in c.options if o[0] == "options"]
    pairs = [p.split("=", 1) for p in (want or "").split()]
    named = {k.lower() for k, _ in pairs}
    resets = [(k, _RESET.get(k.lower(), "DEFAULT")) for k, _ in (p.split("=", 1) for p in (have or "").split())
              if k.lower() not in named]
    return " ".join(f"{k.upper()}={v}" for k, v in pairs + resets)


def table_options(c: ch.ModifyTableOptions, ctx: Context) -> list[Step]:
    """The table's storage engine, and its default character set and collation only: each column the
    default reaches differs too and is changed by its own MODIFY COLUMN (which takes the new default), so a
    column the schema gives its own character set keeps it."""
    want = dict((k, d) for k, d, _ in c.options)
    steps = []
    if want.get("engine"):
        steps.append(Step.of("alter_columns", f"ALTER TABLE {_t(c)} ENGINE={quote_mysql(want['engine'])};", c,
                             **COPY.flags()))
    if "options" in want:
        steps.append(Step.of("alter_columns", f"ALTER TABLE {_t(c)} {_options_sql(c)};", c, **COPY.flags()))
    if "charset" in want or "collation" in want:
        text = charsets.clause((want.get("charset"), want.get("collation")), table=True)
        steps.append(_alter("alter_columns", c, text, INSTANT))  # the table's default only: no row changes
    return steps


def table_comment(c: ch.ModifyTableComment, ctx: Context) -> list[Step]:
    return [_alter("comments", c, f"COMMENT = {literal_mysql(c.desired.comment or '')}", INSTANT)]


# ------------------------------------------------------------------------------------------ columns

def _column_key(c: ch.Change, name: str) -> str:
    return f"column:{c.table}.{name}"


def _added_at(c: ch.AddColumn, ctx: Context) -> tuple[str, tuple[str, ...]]:
    """Where an added column goes (`` FIRST`` or `` AFTER `x```) and the added column it must follow: after
    the nearest column before it in the schema that is new or keeps its place (a column that moves is placed
    later, in ``alter_columns``, after its own predecessor; one added with the primary key, later still)."""
    names = [x.name for x in c.desired_table.columns]
    live = [x.name for x in c.live_table.columns] if c.live_table is not None else []
    moving = set(order.moved(names, live))
    moving |= {j.desired.name for j in ctx.changes if isinstance(j, ch.AddColumn) and auto_key.key_added_with(j, ctx)}
    at = names.index(c.desired.name)
    anchor = next((n for n in reversed(names[:at]) if n not in moving), None)
    if anchor is None:
        return " FIRST", ()
    return f" AFTER {quote_mysql(anchor)}", (() if anchor in live else (_column_key(c, anchor),))


def _moved_to(c: ch.ModifyColumn) -> tuple[str, tuple[str, ...]]:
    """`` FIRST`` or `` AFTER `x``` for a column the schema puts elsewhere, and the moved column it follows."""
    names = [x.name for x in c.desired_table.columns]
    live = [x.name for x in c.live_table.columns] if c.live_table is not None else []
    before = order.predecessor(names, c.desired.name)
    if before is None:
        return " FIRST", ()
    return f" AFTER {quote_mysql(before)}", ((_column_key(c, before),) if before in order.moved(names, live) else ())


def add_column(c: ch.AddColumn, ctx: Context) -> list[Step]:
    if auto_key.key_added_with(c, ctx):
        return []  # an AUTO_INCREMENT column: added in the statement adding its key
    r = _r(ctx, c)
    col, t = c.desired, c.desired_table
    q = quote_mysql(col.name)
    auto = col.identity is not None or col.generated is not None
    in_pk = t.primary_key is not None and col.name in t.primary_key.columns
    how = COPY if auto or in_pk or not _instant_default(col) else INSTANT
    where, after = _added_at(c, ctx)
    placed = {"key": _column_key(c, col.name), "after": after}
    if col.nullable or auto or in_pk:
        steps = [_alter("add_columns", c, f"ADD COLUMN {r.column_sql(t, col)}{where}", how, **placed)]
    elif col.default is not None:
        steps = [
            _alter("add_columns", c, f"ADD COLUMN {r.column_sql(t, replace(col, nullable=True))}{where}", how,
                   note="added nullable first; existing rows are filled from the default below", **placed),
            Step.of("backfill", f"UPDATE {_t(c)} SET {q} = {r.default_text(t, col)} WHERE {q} IS NULL;", c),
            _alter("alter_columns", c, f"MODIFY COLUMN {r.column_sql(t, col)}", REBUILD),
        ]
    else:
        why = ctx.rows_needing_value(c, col)
        if why:
            return ctx.refuse(c, why)
        steps = [_alter("add_columns", c, f"ADD COLUMN {r.column_sql(t, col)}{where}", how, **placed)]
    _flush(ctx, r)
    return steps


def _instant_default(col) -> bool:
    """A column InnoDB adds instantly: no default, a literal one, or the current time (an expression such as
    ``uuid()`` gives each row its own value, which needs a copy of the table)."""
    d = col.default
    return d is None or d.kind == "literal" or str(d.value).lower().replace(" ", "").rstrip("()0123456789") in (
        "current_timestamp", "now", "null")


def drop_column(c: ch.DropColumn, ctx: Context) -> list[Step]:
    if auto_key.dropped_with_key(c, ctx):
        return []  # an AUTO_INCREMENT column: dropped in the statement dropping its key
    live = c.live_table
    indexed = live is not None and any(c.live.name in ix.columns for ix in live.indexes) or \
        live is not None and any(c.live.name in u.columns for u in live.uniques)
    # InnoDB drops an indexed column in place (the index goes with it), any other instantly
    return [_alter("drops", c, f"DROP COLUMN {quote_mysql(c.live.name)}", Online("INPLACE") if indexed else INSTANT)]


_INT_RANK = {"tinyint": 1, "smallint": 2, "mediumint": 3, "int": 4, "integer": 4, "bigint": 5}
_TEXT_RANK = {"tinytext": 1, "text": 2, "mediumtext": 3, "longtext": 4}


def _split_type(spec: str) -> tuple[str, tuple[int, ...]]:
    m = re.match(r"^\s*([a-z ]+?)\s*(?:\(([\d,\s]+)\))?\s*(unsigned)?\s*$", spec.lower())
    if not m:
        return spec.lower().strip(), ()
    args = tuple(int(x) for x in m.group(2).split(",")) if m.group(2) else ()
    return m.group(1).strip(), args


def widens(live_type: str | None, desired_type: str | None) -> bool:
    """Whether MODIFY COLUMN from ``live_type`` to ``desired_type`` keeps every value."""
    if not live_type or not desired_type:
        return False
    if live_type.lower() == desired_type.lower():
        return True
    (lb, la), (db, da) = _split_type(live_type), _split_type(desired_type)
    if lb in _INT_RANK and db in _INT_RANK:
        return _INT_RANK[db] >= _INT_RANK[lb]
    if lb == "varchar" and db == "varchar":
        return bool(la and da) and da[0] >= la[0]
    if lb in ("varchar", "char") and db in _TEXT_RANK:
        return True
    if lb in _TEXT_RANK and db in _TEXT_RANK:
        return _TEXT_RANK[db] >= _TEXT_RANK[lb]
    if lb == db and lb in ("datetime", "timestamp", "time", "decimal") and la and da:
        return all(d >= v for d, v in zip(da, la, strict=False))
    if lb == "float" and db == "double":
        return True
    return False


def modify_column(c: ch.ModifyColumn, ctx: Context) -> list[Step]:
    r = _r(ctx, c)
    col, live = c.desired, c.live
    t = keeping_live_checks(c, ctx, c.desired_table)
    q = quote_mysql(col.name)
    steps: list[Step] = []
    target = col
    kinds = set(c.kinds)
    enum_change = "type" in kinds and col.enum is not None and live.enum is not None
    narrowed = False  # a type that may not keep every value, allowed by --allow-destructive
    mapped = {old for old, _ in col.legacy_values}
    dropped = [v for v in (live.enum or ()) if v not in (col.enum or ()) and v not in mapped]
    if enum_change and dropped and not ctx.options.allow_destructive:
        left, _ = ctx.leftover_values(c, col.enum, col.name)
        if left:  # rows hold a value the schema drops: say which, as with --allow-destructive
            return ctx.refuse(c, ctx.leftover_reason(left, col.name))
        # narrowing rejects values (no row holds them now, but the application may still write them)
        ctx.omit(c, f"removing ENUM value(s) {', '.join(dropped)} of column {col.name}; {ALLOW_DESTRUCTIVE}")
        enum_change = False
        kinds.discard("type")
        target = replace(col, enum=live.enum, type_overrides=())
    if enum_change:
        union = tuple(live.enum) + tuple(v for v in col.enum if v not in live.enum)
        if union != tuple(live.enum):
            wide = replace(col, enum=union, nullable=live.nullable, type_overrides=())
            steps.append(_alter("widen_values", c, f"MODIFY COLUMN {r.column_sql(t, wide)}",
                                _modify_online(c, r, t, wide, kinds),
                                note="widened to the union of the live and desired values first"))
        for old, new in ctx.legacy_map(c, col.name, live.enum):
            steps.append(Step.of("rewrite_values", f"UPDATE {_t(c)} SET {q} = {literal_mysql(new)} "
                                 f"WHERE {q} = {literal_mysql(old)};", c,
                                 note=f"legacy value {old!r} → {new!r} (legacy_values in the schema)"))
        left, err = ctx.leftover_values(c, col.enum, col.name)
        if left:
            return ctx.refuse(c, ctx.leftover_reason(left, col.name))
        if err:
            ctx.note(f"{c.path}: rows were not counted ({err}); narrowing the ENUM fails if a row still holds "
                     "a removed value")
        if any(v not in col.enum for v in live.enum) and (err or ctx.probe(c, "value") is None):
            steps.insert(0, _unmapped_guard(c, ctx, q))
    elif "type" in kinds and not widens(c.live_type, c.desired_type):
        if ctx.options.allow_destructive:
            narrowed = True
            ctx.note(f"{c.path}: type narrowed from {c.live_type} to {c.desired_type} (--allow-destructive)")
        else:
            ctx.omit_type_change(c, "truncate values")
            target = replace(col, type_overrides=(("mysql", c.live_type),), enum=None) if c.live_type else col
            kinds.discard("type")
    if "collation" in kinds and not ctx.options.allow_destructive and \
            not charsets.lossless(charsets.own(live) or charsets.NONE, charsets.from_label(c.desired_collation)):
        ctx.omit(c, f"converting column {col.name} to {c.desired_collation} may lose characters; "
                 f"{ALLOW_DESTRUCTIVE}")
        kinds.discard("collation")
        target = replace(target, mysql_charset=live.mysql_charset, mysql_collation=live.mysql_collation)
    if "identity" in kinds and auto_key.key_added_with(c, ctx):
        kinds.discard("identity")  # AUTO_INCREMENT is set in the statement adding the key it needs
        target = replace(target, identity=live.identity, identity_options=live.identity_options)
    if "null" in kinds and col.nullable and ctx.omit_not_null_under_kept_key(c):
        kinds.discard("null")
        target = replace(target, nullable=False)
    if "null" in kinds and not col.nullable:
        nulls, why = ctx.null_rows(c, col)
        if why:
            return ctx.refuse(c, why)
        if nulls or (nulls is None and col.default is not None):
            steps.append(Step.of("backfill", f"UPDATE {_t(c)} SET {q} = {r.default_text(t, col)} WHERE {q} IS NULL;",
                                 c))
    if "type" in kinds:
        steps += _foreign_keys_around(c, ctx, col.name)
    handled = {"type", "null", "default", "comment", "collation", "on_update", "identity", "visibility", "position",
               "name"}
    verb = f"CHANGE COLUMN {quote_mysql(live.name)}" if "name" in kinds else "MODIFY COLUMN"  # a name's case
    where, after = _moved_to(c) if "position" in kinds else ("", ())
    if "generated" in kinds and col.generated is not None and live.generated is not None:
        # both computed from other columns: nothing is lost by computing it again, and MariaDB cannot turn a
        # STORED column VIRTUAL (or back) in place
        kinds.discard("generated")
        if not where:
            where, after = _moved_to(c)
        steps.append(_alter("alter_columns", c, f"DROP COLUMN {q}, ADD COLUMN {r.column_sql(t, target)}{where}", COPY,
                            key=_column_key(c, col.name), after=after,
                            note="a generated column, computed again from its expression"))
        kinds -= handled
    elif "generated" in kinds:
        kinds.discard("generated")
        steps += _generated_turned(c, ctx, r, t, target)
        kinds -= handled
    rest = kinds - handled
    if rest:
        ctx.omit_by_hand(c, rest, col.name)
    if kinds & handled:
        phase = "narrow_values" if enum_change else "alter_columns"
        how = COPY if "visibility" in kinds else _modify_online(c, r, t, target, kinds)
        steps.append(_alter(phase, c, f"{verb} {r.column_sql(t, target)}{where}", how, destructive=narrowed,
                            key=_column_key(c, col.name) if where else "", after=after))
    _flush(ctx, r)
    return steps


def _generated_turned(c: ch.ModifyColumn, ctx: Context, r: MysqlRenderer, t, target) -> list[Step]:
    """A stored column made generated, or a generated one made stored, which MariaDB does in place only for a
    STORED column becoming plain (its values stay). A plain column becomes generated by being dropped and added
    again, its values replaced by the computed ones (only with ``--allow-destructive``); a VIRTUAL one becomes
    plain through a new column that takes its values, then the name."""
    q, where, after = quote_mysql(c.live.name), *_moved_to(c)
    if target.generated is not None:
        if not ctx.options.allow_destructive:
            return ctx.omit(c, f"its values would be replaced by the computed ones; {ALLOW_DESTRUCTIVE}") or []
        return [_alter("alter_columns", c, f"DROP COLUMN {q}, ADD COLUMN {r.column_sql(t, target)}{where}", COPY,
                       key=_column_key(c, target.name), after=after, destructive=True,
                       note="the stored values give way to the computed ones")]
    if not c.live.virtual:
        return [_alter("alter_columns", c, f"MODIFY COLUMN {r.column_sql(t, target)}{where}", COPY,
                       key=_column_key(c, target.name) if where else "", after=after)]
    tmp = f"{c.live.name}_jobschema_plain"
    staged = replace(target, name=tmp, nullable=True, default=None, comment=None, on_update=None)
    first = _column_key(c, tmp)
    return [_alter("alter_columns", c, f"ADD COLUMN {r.column_sql(t, staged)} AFTER {q}", COPY, key=first,
                   note="a plain column that takes the computed values"),
            Step.of("alter_columns", f"UPDATE {_t(c)} SET {quote_mysql(tmp)} = {q};", c, key=first + ":copied",
                    after=(first,)),
            _alter("alter_columns", c, f"DROP COLUMN {q}, CHANGE COLUMN {quote_mysql(tmp)} "
                   f"{r.column_sql(t, target)}{where}", COPY, key=_column_key(c, target.name),
                   after=(first + ":copied", *after))]


def _modify_online(c: ch.ModifyColumn, r: MysqlRenderer, t, target, kinds: set[str]) -> Online:
    """How InnoDB can run ``MODIFY COLUMN`` from the live column to ``target``: defaults and comments, ENUM
    values appended and VARCHAR widened within its length prefix in place of the metadata (INSTANT);
    NULL / NOT NULL by rebuilding the table while writes go on (INPLACE); any other type, character set or
    collation, or AUTO_INCREMENT change by copying it."""
    live = c.live
    if kinds & {"collation", "identity"}:
        return COPY
    if live.enum is not None and target.enum is not None:
        if tuple(target.enum) != tuple(live.enum) and not enum_in_place(tuple(live.enum), tuple(target.enum)):
            return COPY
    elif (live.enum is None) != (target.enum is None):
        return COPY
    else:
        have, want = (c.live_type or "").lower(), r.native_type(t, target).lower()
        if have != want:
            (hb, ha), (wb, wa) = _split_type(have), _split_type(want)
            if not (hb == wb == "varchar" and ha and wa and varchar_in_place(ha[0], wa[0])):
                return COPY
    if live.nullable and not target.nullable and target.default is not None and target.default.kind != "literal":
        return COPY  # MariaDB fills NULLs with a non-constant default (CURRENT_TIMESTAMP) only by copying
    return REBUILD if live.nullable != target.nullable else INSTANT


def _foreign_keys_around(c: ch.ModifyColumn, ctx: Context, column: str) -> list[Step]:
    """InnoDB will not change the type of a column a foreign key uses, on either side: each such key the
    schema keeps is dropped first (by its live name) and added again after the columns changed."""
    module = ctx.module(c.module)
    steps: list[Step] = []
    for t in module.tables:
        for fk in t.foreign_keys:
            here = t.name == c.table and column in fk.columns
            there = fk.ref_table == c.table and (fk.ref_namespace in (None, c.namespace)) and column in fk.ref_columns
            if not (here or there):
                continue
            live_t = ctx.live_tables.get((t.namespace, t.name))
            if (t.namespace, t.name) in ctx.created_tables:
                continue  # created with its keys after the columns changed
            if live_t is None and t.name != c.table:
                live_name = fk.name  # a table no change names is as the schema says
            else:
                live_name = next((lf.name for lf in (live_t.foreign_keys if live_t else ())
                                  if tuple(lf.columns) == tuple(fk.columns) and lf.ref_table == fk.ref_table), None)
            if live_name is None:
                continue  # not there yet: the change adding it adds it after the columns changed
            r = _r(ctx, c)
            steps.append(_alter("drop_constraints", c, f"DROP FOREIGN KEY {quote_mysql(live_name)}", INSTANT,
                                table=quote_mysql(t.name),
                                note=f"{live_name} uses {c.table}.{column}; added again below"))
            steps += _steps("foreign_keys", r.foreign_keys(replace(t, foreign_keys=(fk,))), c, **COPY.flags())
    return steps


def _unmapped_guard(c: ch.ModifyColumn, ctx: Context, q: str) -> Step:
    """Rows not counted (``--no-data``, or the count failed) and an ENUM losing values: a first statement that
    fails, before anything changes, when a row holds a value neither the new ENUM nor ``legacy_values`` keeps.
    MySQL has no transactional DDL: without it the file would widen and rewrite, then fail narrowing, and stay
    half applied. The error is a correlated scalar subquery returning two rows, evaluated only for such a row
    (MariaDB and MySQL alike); the message leads the statement, which ``migrate`` shows when it stops."""
    keep = list(c.desired.enum) + [old for old, new in ctx.legacy_map(c, c.desired.name, c.live.enum)
                                   if new in c.desired.enum and old not in c.desired.enum]
    message = (f"{c.table}.{c.desired.name} holds a value the new ENUM lacks and legacy_values does not map: "
               "nothing was changed; map it in the schema, then write the fix again")
    t = _t(c)
    sql = (f"SELECT {literal_mysql(message)} AS jobschema_guard,\n"
           f"  (SELECT g1.{q} FROM {t} AS g1 WHERE g1.{q} = t.{q} UNION ALL "
           f"SELECT g2.{q} FROM {t} AS g2 WHERE g2.{q} = t.{q}) AS jobschema_unmapped\n"
           f"FROM {t} AS t WHERE t.{q} NOT IN ({', '.join(literal_mysql(v) for v in keep)}) LIMIT 1;")
    return Step.of("prelude", sql, c, note="rows were not counted: stop here, before anything changes, if a row "
                   "holds a value this fix cannot keep")


# -------------------------------------------------------------------------------------- constraints

def add_primary_key(c: ch.Change, ctx: Context) -> list[Step]:
    r = _r(ctx, c)
    t = c.desired_table
    joined = auto_key.joining_key(c, ctx)
    new = [j for j in joined if isinstance(j, ch.AddColumn)]
    bad = None if new else ctx.key_violations(c, c.desired.columns)  # a new AUTO_INCREMENT column numbers every row
    if bad:
        return ctx.refuse(c, bad)
    clauses = []
    if isinstance(c, ch.ModifyPrimaryKey):
        clauses = [*auto_key.release_clauses(c, ctx, r), "DROP PRIMARY KEY"]
    for j in joined:
        where = _added_at(j, ctx)[0] if isinstance(j, ch.AddColumn) else ""
        clauses.append(f"{'ADD' if j in new else 'MODIFY'} COLUMN {r.column_sql(t, j.desired)}{where}")
    clauses.append(f"ADD {r.primary_key_sql(replace(t, primary_key=c.desired))}")
    _flush(ctx, r)
    return [_alter("add_constraints", c, ", ".join(clauses), COPY if joined else REBUILD)]


def drop_primary_key(c: ch.DropPrimaryKey, ctx: Context) -> list[Step]:
    """Dropped with the constraints being replaced, before ``alter_columns`` may make its columns nullable."""
    clauses = [*auto_key.release_clauses(c, ctx, _r(ctx, c)), "DROP PRIMARY KEY"]
    return [_alter("drop_constraints", c, ", ".join(clauses), COPY)]  # InnoDB copies a table losing its key


def add_unique(c: ch.Change, ctx: Context) -> list[Step]:
    bad = ctx.key_violations(c, c.desired.columns)
    if bad:
        return ctx.refuse(c, bad)
    r = _r(ctx, c)
    # One ALTER TABLE for a replaced key: InnoDB refuses to drop an index a foreign key needs on its own.
    live = c.live_name if isinstance(c, ch.ModifyUniqueKey) else _same_name_dropped(c, ctx)
    drop = f"DROP INDEX {quote_mysql(live)}, " if live else ""
    return [_alter("add_constraints", c, f"{drop}ADD {r.unique_sql(c.desired_table, c.desired)}",
                   dropping_key(BUILD, c.live_table, live))]


def _key_drops(c: ch.Change) -> bool:
    return isinstance(c, (ch.DropUniqueKey, ch.DropIndex))


def _same_name_dropped(c: ch.Change, ctx: Context) -> str | None:
    """The live key of the added key's name that this plan drops, if any (a UNIQUE key turned into a unique index
    on prefixes or DESC parts, or back): replaced in the adding statement, since both cannot exist at once."""
    return next((o.live_name for o in ctx.changes if _key_drops(o) and o.module == c.module and o.table == c.table
                 and (o.live_name or "").lower() == c.desired.name.lower()), None)


def _replaced_by_add(c: ch.Change, ctx: Context) -> bool:
    return any(isinstance(o, (ch.AddUniqueKey, ch.AddIndex)) and o.module == c.module and o.table == c.table
               and o.desired.name.lower() == (c.live_name or "").lower() for o in ctx.changes)


def drop_unique(c: ch.DropUniqueKey, ctx: Context) -> list[Step]:
    if _replaced_by_add(c, ctx):
        return []  # the key of the same name the schema adds replaces it in one statement
    return [_alter("drops", c, f"DROP INDEX {quote_mysql(c.live_name)}",
                   dropping_key(Online("INPLACE"), c.live_table, c.live_name))]


def add_foreign_key(c: ch.Change, ctx: Context) -> list[Step]:
    why = ctx.orphans(c)
    if why:
        return ctx.refuse(c, why)
    r = _r(ctx, c)
    # InnoDB checks every row of a new foreign key in a copy (in place only with foreign_key_checks off)
    steps = _steps("foreign_keys", r.foreign_keys(replace(c.desired_table, foreign_keys=(c.desired,))), c,
                   **COPY.flags())
    _flush(ctx, r)
    if isinstance(c, ch.ModifyForeignKey) and c.live_name:
        steps.insert(0, _alter("drop_constraints", c, f"DROP FOREIGN KEY {quote_mysql(c.live_name)}", INSTANT,
                               key=_fk_dropped(c.table, c.live_name)))
    return steps


def drop_foreign_key(c: ch.DropForeignKey, ctx: Context) -> list[Step]:
    return [_alter("drops", c, f"DROP FOREIGN KEY {quote_mysql(c.live_name)}", INSTANT,
                   key=_fk_dropped(c.table, c.live_name))]


def _fk_dropped(table: str, name: str) -> str:
    """The key of the step dropping a foreign key: the index InnoDB made for it (of the key's name) can only be
    dropped after it."""
    return f"fk-dropped:{table}.{name.lower()}"


def _name_taken_by_foreign_key(c: ch.DropIndex, ctx: Context) -> bool:
    """Whether the plan adds a foreign key under the dropped index's name: InnoDB names the index it makes for
    the key after it, so the old index must go before the key is added."""
    return any(isinstance(o, (ch.AddForeignKey, ch.ModifyForeignKey)) and o.module == c.module
               and o.table == c.table and o.desired.name.lower() == (c.live_name or "").lower() for o in ctx.changes)


# ------------------------------------------------------------------------------------------ indexes

def add_index(c: ch.Change, ctx: Context) -> list[Step]:
    if isinstance(c, ch.ModifyIndex) and c.kinds == {"ignored"}:  # no rebuild: the optimizer's flag only
        word = "IGNORED" if c.desired.ignored else "NOT IGNORED"
        return [_alter("indexes", c, f"ALTER INDEX {quote_mysql(c.live_name)} {word}", INSTANT)]
    r = _r(ctx, c)
    one = replace(c.desired_table, indexes=(c.desired,))
    # InnoDB builds a FULLTEXT or SPATIAL key only with writes waiting (LOCK=NONE is refused)
    how = COPY if c.desired.method in ("fulltext", "spatial") else on_engine(BUILD, c.desired_table.mysql_engine)
    live = c.live_name if isinstance(c, ch.ModifyIndex) else _same_name_dropped(c, ctx)
    how = dropping_key(how, c.live_table, live)
    if live:
        steps = _steps("indexes", r.replace_index(one, live, how.alter()), c, **how.flags())
    else:
        steps = _steps("indexes", r.indexes(one, how.alter()), c, **how.flags())
    _flush(ctx, r)
    if ctx.options.concurrently:
        ctx.note("--concurrently is PostgreSQL's; InnoDB builds secondary indexes online by default")
    return steps


def drop_index(c: ch.DropIndex, ctx: Context) -> list[Step]:
    if _replaced_by_add(c, ctx):
        return []  # the key of the same name the schema adds replaces it in one statement
    # MariaDB takes ALGORITHM only in the ALTER TABLE form
    phase = "drop_constraints" if _name_taken_by_foreign_key(c, ctx) else "drops"
    return [_alter(phase, c, f"DROP INDEX {quote_mysql(c.live_name)}",
                   dropping_key(Online("INPLACE"), c.live_table, c.live_name),
                   after=(_fk_dropped(c.table, c.live_name),))]


def rename(c: ch.RenamedEquivalent, ctx: Context) -> list[Step]:
    """RENAME INDEX for keys and indexes; a CHECK or foreign key, which MySQL cannot rename, is dropped
    and added again under the schema's name (the rows it held to still hold to it)."""
    if c.of in ("index", "unique key"):
        return [_alter("renames", c, f"RENAME INDEX {quote_mysql(c.live_name)} TO {quote_mysql(c.desired.name)}",
                       INSTANT)]
    if c.of == "check":
        return rename_check(c, ctx)
    if c.of == "foreign key":
        return [_alter("drop_constraints", c, f"DROP FOREIGN KEY {quote_mysql(c.live_name)}", INSTANT),
                *_steps("foreign_keys", _r(ctx, c).foreign_keys(replace(c.desired_table, foreign_keys=(c.desired,))),
                        c, **COPY.flags())]
    return ctx.omit(c, f"MySQL cannot rename a {c.of}; it works as it is")


def _no_rls(c: ch.Change, ctx: Context) -> list[Step]:
    return ctx.omit(c, "MySQL has no row-level security")


NOT_VALID = False  # no NOT VALID: a constraint live rows violate always stops the plan

HANDLERS = {
    ch.AddTable: add_table, ch.DropTable: drop_table, ch.ModifyTableComment: table_comment,
    ch.ModifyTableOptions: table_options,
    ch.AddColumn: add_column, ch.DropColumn: drop_column, ch.ModifyColumn: modify_column,
    ch.AddPrimaryKey: add_primary_key, ch.ModifyPrimaryKey: add_primary_key, ch.DropPrimaryKey: drop_primary_key,
    ch.AddCheck: add_check, ch.ModifyCheck: modify_check, ch.DropCheck: drop_check,
    ch.DuplicateColumnCheck: drop_duplicate_check, ch.RenamedEquivalent: rename,
    ch.AddUniqueKey: add_unique, ch.ModifyUniqueKey: add_unique, ch.DropUniqueKey: drop_unique,
    ch.AddForeignKey: add_foreign_key, ch.ModifyForeignKey: add_foreign_key, ch.DropForeignKey: drop_foreign_key,
    ch.AddIndex: add_index, ch.ModifyIndex: add_index, ch.DropIndex: drop_index,
    ch.AddView: add_view, ch.ModifyView: add_view, ch.DropView: drop_view,
    ch.AddFunction: add_function, ch.ModifyFunction: add_function, ch.DropFunction: drop_function,
    ch.AddTrigger: add_trigger, ch.ModifyTrigger: add_trigger, ch.DropTrigger: drop_trigger,
    **unmanaged_plan.HANDLERS,
    ch.EnableRls: _no_rls, ch.ForceRls: _no_rls, ch.AddPolicy: _no_rls, ch.ModifyPolicy: _no_rls,
}
