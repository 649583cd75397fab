"""PostgreSQL fix-migration steps for columns: add (nullable first and backfilled when rows need a value),
drop (after the indexes and constraints on it), and change — type (which changes keep every value, which
convert by themselves and which need ``USING``), collation, default, NOT NULL, identity, generated, comment.
``plan.py`` registers these builders with the other changes' in ``HANDLERS``."""

from __future__ import annotations

from dataclasses import replace

from ...diff import changes as ch
from ...model import expr as exprmod
from ...model.objects import IdentityOptions
from ...model.types import parse_type
from ...plan.context import ALLOW_DESTRUCTIVE, Context
from ...plan.steps import Step
from ..base import literal_pg, quote_pg
from ..online_words import volatile
from . import enum_plan, version
from .normalize import canonical_type, nextval_sequence
from .online import AE as ACCESS_EXCLUSIVE
from .render import (
    add_constraint_sql,
    check_sql,
    column_sql,
    column_type,
    default_sql,
    identity_options_sql,
    index_sql,
    qname,
)


def _t(c: ch.Change) -> str:
    return qname(c.namespace, c.table)


def add_column(c: ch.AddColumn, ctx: Context) -> list[Step]:
    col, t = c.desired, c.desired_table
    q = quote_pg(col.name)
    steps = enum_plan.create_types(t, (col,), c, ctx)
    plain = col.nullable or col.identity is not None or col.generated is not None or (
        t.primary_key is not None and col.name in t.primary_key.columns)
    if plain:
        steps.append(Step.of("add_columns", f"ALTER TABLE {_t(c)} ADD COLUMN {column_sql(col, t)};", c))
    elif col.default is not None and _volatile(col):  # added with it, every row would be rewritten at once
        steps += [
            Step.of("add_columns", f"ALTER TABLE {_t(c)} ADD COLUMN "
                    f"{column_sql(replace(col, nullable=True, default=None), t)};", c,
                    note="added bare: its default is volatile, which would rewrite the table; existing rows are "
                         "filled below in batches"),
            Step.of("set_defaults", f"ALTER TABLE {_t(c)} ALTER COLUMN {q} SET DEFAULT "
                    f"{default_sql(col, col.default)};", c),
            Step.of("backfill", f"UPDATE {_t(c)} SET {q} = {default_sql(col, col.default)} WHERE {q} IS NULL;", c),
            Step.of("alter_columns", f"ALTER TABLE {_t(c)} ALTER COLUMN {q} SET NOT NULL;", c),
        ]
    elif col.default is not None:
        steps += [
            Step.of("add_columns", f"ALTER TABLE {_t(c)} ADD COLUMN {column_sql(replace(col, nullable=True), t)};",
                    c, note="added nullable first; existing rows are filled from the default below"),
            Step.of("backfill", f"UPDATE {_t(c)} SET {q} = {default_sql(col, col.default)} WHERE {q} IS NULL;", c),
            Step.of("alter_columns", f"ALTER TABLE {_t(c)} ALTER COLUMN {q} SET NOT NULL;", c),
        ]
    else:
        why = ctx.rows_needing_value(c, col)
        if why:
            return ctx.refuse(c, why)
        steps.append(Step.of("add_columns", f"ALTER TABLE {_t(c)} ADD COLUMN {column_sql(col, t)};", c))
    if col.comment:
        steps.append(Step.of("comments", f"COMMENT ON COLUMN {_t(c)}.{q} IS {literal_pg(col.comment)};", c))
    return steps


def _volatile(col) -> bool:
    """Whether the column's default is evaluated per row (``gen_random_uuid()``, ``clock_timestamp()``)."""
    if col.default is None or col.default.kind != "expression" or col.default.expression is None:
        return False
    try:
        return volatile(exprmod.parse(col.default.expression.override("postgres") or col.default.expression.text,
                                      "postgres"))
    except Exception:  # noqa: BLE001 - an expression sqlglot cannot read is treated as stable
        return False


def drop_key_name(c: ch.Change, name: str) -> str:
    return f"drop:{c.namespace}.{c.table}:{name}"


def drop_column(c: ch.DropColumn, ctx: Context) -> list[Step]:
    """After the drops of the table's indexes and constraints: dropping the column drops those on it, and a
    later ``DROP INDEX`` of one would fail."""
    lt = c.live_table
    owned = [o.name for group in (lt.indexes, lt.checks, lt.uniques, lt.foreign_keys) for o in group] if lt else []
    return [Step.of("drops", f"ALTER TABLE {_t(c)} DROP COLUMN {quote_pg(c.live.name)};", c,
                    after=tuple(drop_key_name(c, n) for n in owned), key=f"drop-column:{c.table}.{c.live.name}")]


_INT_RANK = {"smallint": 1, "int2": 1, "integer": 2, "int": 2, "int4": 2, "bigint": 3, "int8": 3}
_VARLEN = {"varchar", "character varying", "char", "character", "bpchar"}


def widens(live_type: str | None, desired_type: str | None) -> bool:
    """Whether changing ``live_type`` to ``desired_type`` keeps every value (no failure, no truncation)."""
    if not live_type or not desired_type:
        return False
    lt, dt = live_type.lower().strip(), desired_type.lower().strip()
    if lt == dt:
        return True
    try:
        lp, dp = parse_type(lt), parse_type(dt)
    except Exception:  # noqa: BLE001 - an unparsable type is treated as not widening
        return False
    lb, db = lp.base, dp.base
    if lb in _INT_RANK and db in _INT_RANK:
        return _INT_RANK[db] >= _INT_RANK[lb]
    if lb in _INT_RANK and db == "numeric":
        return not dp.args
    if lb in ("varchar", "character varying") and db in ("varchar", "character varying"):
        return not dp.args or (bool(lp.args) and int(dp.args[0]) >= int(lp.args[0]))
    if lb in _VARLEN and db == "text":
        return True
    if lb == "real" and db in ("double precision", "float8"):
        return True
    if lb == db and lb in ("timestamp", "timestamptz", "time", "numeric") and lp.args and dp.args:
        return all(int(d) >= int(v) for d, v in zip(dp.args, lp.args, strict=False))
    return False


_STRINGS = {"text", "varchar", "char", "citext", "name"}
_NUMBERS = {"smallint", "integer", "bigint", "numeric", "real", "double precision"}
_DATETIMES = {"date", "timestamp", "timestamptz"}
_CASTING = (_STRINGS, _NUMBERS, _DATETIMES, {"time", "timetz"}, {"json", "jsonb"})


def casts_by_itself(live_type: str | None, desired_type: str | None) -> bool:
    """Whether ``ALTER COLUMN ... TYPE`` converts without a ``USING`` expression: PostgreSQL has an implicit or
    assignment cast (within numbers, within dates and times, anything to a string type), not only an explicit
    one (``text`` → ``integer``) or none (``bigint`` → ``timestamptz``)."""
    if not live_type or not desired_type:
        return True
    if live_type.rstrip().endswith("]") != desired_type.rstrip().endswith("]"):
        return False  # to or from an array
    if widens(live_type, desired_type):
        return True
    try:
        lp, dp = parse_type(live_type.lower()), parse_type(desired_type.lower())
    except Exception:  # noqa: BLE001 - an unknown type: PostgreSQL is asked at migrate time
        return True
    if lp.base == dp.base or dp.base in _STRINGS:
        return True
    return any(lp.base in group and dp.base in group for group in _CASTING)


def _collate(col) -> str:
    """The ``COLLATE`` clause a type change sets: the schema's collation, or the type's default."""
    return ' COLLATE "' + (col.collation or "default").replace('"', '""') + '"'


_SERIAL_BASE = {"smallserial": "smallint", "serial": "integer", "bigserial": "bigint"}


def _serial_base(col) -> str | None:
    """``integer`` / ``bigint`` for a column declared ``serial`` / ``bigserial`` (a type only CREATE and ADD COLUMN
    know: an ALTER changes the integer type and the sequence apart)."""
    try:
        base = _SERIAL_BASE.get(parse_type(col.type).base)
    except Exception:  # noqa: BLE001 - a type the parser does not know is not a serial
        return None
    return base if col.type_override("postgres") is None else None


def _serial_sequence(c: ch.ModifyColumn) -> list[Step]:
    """A column becoming ``serial``: its own sequence created (OWNED BY it, moved past the live values, so the
    next insert does not collide) and read by its default, as ``serial`` would have made them."""
    col, q = c.desired, quote_pg(c.desired.name)
    seq = qname(c.namespace, f"{c.table}_{col.name}_seq")
    return [Step.of("alter_columns", f"CREATE SEQUENCE {seq} AS {_serial_base(col)} OWNED BY {_t(c)}.{q};", c),
            Step.of("alter_columns", f"ALTER TABLE {_t(c)} ALTER COLUMN {q} SET DEFAULT "
                    f"nextval({literal_pg(seq)}::regclass);", c),
            Step.of("alter_columns", f"SELECT setval({literal_pg(seq)}, max({q})) FROM {_t(c)} "
                    f"HAVING max({q}) IS NOT NULL;", c, note="the sequence continues after the values the rows hold")]


def _serial_dropped(c: ch.ModifyColumn, ctx: Context) -> list[Step]:
    """A serial column that stops being one: its own sequence (``<table>_<column>_seq``, which nothing reads once
    the default is gone) dropped with ``--allow-destructive``; kept otherwise, and reported by the next audit."""
    seq = nextval_sequence(c.live) if c.live is not None and c.desired.default is None else None
    # as the unmanaged query reads a serial's own sequence; any other one is an unmanaged fact, planned there
    own = seq is not None and seq.strip('"').split('.')[-1].strip('"') == f"{c.table}_{c.desired.name}_seq" and \
        canonical_type(c.live.type) in ("smallint", "integer", "bigint")
    if not own or _serial_base(c.desired) is not None:
        return []
    if not ctx.options.allow_destructive:
        ctx.omit(c, f"the serial's own sequence {seq} is kept; {ALLOW_DESTRUCTIVE}")
        return []
    return [Step.of("alter_columns", f"DROP SEQUENCE {seq};", c, destructive=True,
                    note="the serial's own sequence: the column no longer reads it")]


def _type_change(c: ch.ModifyColumn, ctx: Context) -> list[Step]:
    """``ALTER COLUMN ... TYPE``, converting with the column's ``using:`` where it has one, and with the live
    default dropped around it (PostgreSQL casts a default as it stands, which fails or keeps the old type); a
    serial keeps its sequence, which takes the column's new integer type."""
    col, q = c.desired, quote_pg(c.desired.name)
    serial = _serial_base(col)
    native = (serial or column_type(col, c.namespace)) + (_collate(col) if "collation" in c.kinds else "")
    sequence = nextval_sequence(c.live) if serial and c.live is not None else None
    using = col.using.override("postgres") or col.using.text if col.using is not None else None
    if using is None and not casts_by_itself(c.live_type, c.desired_type):
        return ctx.refuse_type_change(c, col.name)
    if widens(c.live_type, c.desired_type):
        tail = f" USING {using}" if using else ""
        steps = [Step.of("alter_columns", f"ALTER TABLE {_t(c)} ALTER COLUMN {q} TYPE {native}{tail};", c)]
    elif ctx.options.allow_destructive:
        sql = f"ALTER TABLE {_t(c)} ALTER COLUMN {q} TYPE {native} USING {using or f'{q}::{native}'};"
        steps = [Step.of("alter_columns", sql, c, destructive=True, lock=ACCESS_EXCLUSIVE,
                         note="narrowing type (--allow-destructive): fails or converts values")]
    else:
        return ctx.omit_type_change(c, "change values")
    if sequence is not None:  # nextval() casts to any integer type: the default stays
        steps.append(Step.of("alter_columns", f"ALTER SEQUENCE {sequence} AS {serial};", c))
    elif c.live is not None and c.live.default is not None:
        steps.insert(0, Step.of("alter_columns", f"ALTER TABLE {_t(c)} ALTER COLUMN {q} DROP DEFAULT;", c,
                                note="the default is set again after the type changes"))
        if col.default is not None:
            steps.append(Step.of("alter_columns", f"ALTER TABLE {_t(c)} ALTER COLUMN {q} SET DEFAULT "
                                 f"{default_sql(col, col.default)};", c))
    return steps


def _identity(c: ch.ModifyColumn) -> list[Step]:
    """``ADD GENERATED ... AS IDENTITY`` (its sequence moved past the live values, so the next insert does not
    collide), ``SET GENERATED`` or ``DROP IDENTITY``."""
    col, live, q = c.desired, c.live, quote_pg(c.desired.name)
    alter = f"ALTER TABLE {_t(c)} ALTER COLUMN {q}"
    if col.identity is None:
        return [Step.of("alter_columns", f"{alter} DROP IDENTITY;", c)]
    if live.identity is not None:
        # every option the schema leaves to its default is set back to it, so the live ones do not linger
        full = (col.identity_options or IdentityOptions()).resolved(col.type)
        sets = f"SET GENERATED {col.identity.upper()}"
        had = (live.identity_options or IdentityOptions()).resolved(live.type)
        # a narrower range may leave the sequence's current value outside it, which ALTER refuses: the sequence
        # restarts at its new start and then continues after the values the rows hold
        narrower = full.min_value > had.min_value or full.max_value < had.max_value
        if col.identity_options != live.identity_options:
            sets += " " + identity_options_sql(full, "SET ") + ("" if full.cycle else " SET NO CYCLE")
            sets += " RESTART" if narrower else ""
        steps = [Step.of("alter_columns", f"{alter} {sets};", c)]
        if narrower and col.identity_options != live.identity_options:
            edge, bound = ("max", "greatest") if full.increment > 0 else ("min", "least")
            steps.append(Step.of("alter_columns", f"SELECT setval(pg_get_serial_sequence({literal_pg(_t(c))}, "
                                 f"{literal_pg(col.name)}), {bound}({edge}({q}) + {full.increment}, {full.start}), "
                                 f"false) FROM {_t(c)} HAVING {edge}({q}) IS NOT NULL;", c,
                                 note="the restarted identity continues after the values the rows already hold"))
        return steps
    steps = []
    if live.default is not None and "default" not in c.kinds:
        steps.append(Step.of("alter_columns", f"{alter} DROP DEFAULT;", c, note="an identity column has no default"))
    options = identity_options_sql(col.identity_options)
    steps.append(Step.of("alter_columns", f"{alter} ADD GENERATED {col.identity.upper()} AS IDENTITY"
                         + (f" ({options})" if options else "") + ";", c, lock=ACCESS_EXCLUSIVE))
    steps.append(Step.of("alter_columns", f"SELECT setval(pg_get_serial_sequence({literal_pg(_t(c))}, "
                         f"{literal_pg(col.name)}), max({q}) + 1, false) FROM {_t(c)} HAVING max({q}) IS NOT NULL;",
                         c, note="the identity continues after the values the rows already hold"))
    return steps


def _generation_expression(c: ch.ModifyColumn, ctx: Context, plain: bool = False) -> list[Step]:
    """Another expression for a generated column: ``SET EXPRESSION`` from PostgreSQL 17; before it the column
    is dropped and added again, which loses nothing (its values are computed from the others), with the
    indexes and CHECKs of the schema that name it created again after it. A ``plain`` column made generated
    is always dropped and added (SET EXPRESSION takes only a generated one)."""
    col, t = c.desired, c.desired_table
    expr = col.generated.override("postgres") or col.generated.text
    if version.sets_generation_expression(ctx.options.server_version) and not plain:
        return [Step.of("alter_columns", f"ALTER TABLE {_t(c)} ALTER COLUMN {quote_pg(col.name)} SET EXPRESSION AS "
                        f"({expr});", c, lock=ACCESS_EXCLUSIVE)]
    if t is None:
        return ctx.omit_by_hand(c, {"generated"}, col.name)
    steps = [Step.of("alter_columns", f"ALTER TABLE {_t(c)} DROP COLUMN {quote_pg(col.name)};", c,
                     lock=ACCESS_EXCLUSIVE, note="a generated column holds no data of its own: it is added again "
                     "below with the schema's expression (SET EXPRESSION needs PostgreSQL 17)"),
             Step.of("alter_columns", f"ALTER TABLE {_t(c)} ADD COLUMN {column_sql(col, t)};", c,
                     lock=ACCESS_EXCLUSIVE)]
    for ck in t.checks:
        if _names_column(ck.expression.override("postgres") or ck.expression.text, col.name):
            steps.append(Step.of("alter_columns", add_constraint_sql(_t(c), check_sql(ck)), c))
    for ix in t.indexes:
        if any(p.column == col.name or (p.expression is not None and _names_column(p.expression.text, col.name))
               for p in ix.parts) or col.name in ix.include:
            steps.append(Step.of("alter_columns", index_sql(t, ix), c))
    return steps


def _names_column(text: str, column: str) -> bool:
    """Whether an expression reads ``column``; an expression that does not parse is taken to, so the object is
    created again rather than lost."""
    names = exprmod.column_names(text, "postgres")
    return names is None or any(n == column or (not quoted and n.lower() == column) for n, quoted in names)


def modify_column(c: ch.ModifyColumn, ctx: Context) -> list[Step]:
    col, live = c.desired, c.live
    q = quote_pg(col.name)
    steps: list[Step] = []
    left = set(c.kinds)
    native_enum = enum_plan.modify(c, ctx)
    if native_enum is not None:
        steps, handled = native_enum
        left -= handled
    if "type" in left:
        left.discard("type")
        left.discard("collation")
        steps += _type_change(c, ctx)
    if "collation" in left:  # the same type under another collation: no value changes, indexes are rebuilt
        left.discard("collation")
        steps.append(Step.of("alter_columns", f"ALTER TABLE {_t(c)} ALTER COLUMN {q} TYPE "
                             f"{column_type(col, c.namespace)}{_collate(col)};", c, lock=ACCESS_EXCLUSIVE))
    if "default" in left and _serial_base(col) is not None and nextval_sequence(live) is None:
        left.discard("default")
        steps += _serial_sequence(c)
    if "default" in left:
        left.discard("default")
        sql = (f"ALTER TABLE {_t(c)} ALTER COLUMN {q} SET DEFAULT {default_sql(col, col.default)};"
               if col.default is not None else f"ALTER TABLE {_t(c)} ALTER COLUMN {q} DROP DEFAULT;")
        # alone it is a catalog change, made before a new CHECK starts checking the rows that use it
        steps.append(Step.of("alter_columns" if "type" in c.kinds else "set_defaults", sql, c))
        steps += _serial_dropped(c, ctx)
    if "null" in c.kinds:
        left.discard("null")
        in_pk = c.desired_table is not None and c.desired_table.primary_key is not None and \
            col.name in c.desired_table.primary_key.columns
        if col.nullable and not in_pk:
            if ctx.omit_not_null_under_kept_key(c):
                return steps
            # the schema is the contract readers are written against: the suppression records that for lint
            steps.append(Step.of("alter_columns", f"ALTER TABLE {_t(c)} ALTER COLUMN {q} DROP NOT NULL;", c,
                                 note=f"jobschema:ignore JS209 the schema declares {col.name} nullable, so "
                                      "readers written against it handle NULL"))
        else:
            nulls, why = ctx.null_rows(c, col)
            if why:
                return ctx.refuse(c, why)
            if nulls or (nulls is None and col.default is not None):
                steps.append(Step.of("backfill", f"UPDATE {_t(c)} SET {q} = {default_sql(col, col.default)} "
                                     f"WHERE {q} IS NULL;", c))
            steps.append(Step.of("alter_columns", f"ALTER TABLE {_t(c)} ALTER COLUMN {q} SET NOT NULL;", c))
    if "identity" in left:
        left.discard("identity")
        steps += _identity(c)
    if "generated" in left and col.generated is None:  # stored values are kept as plain ones
        left.discard("generated")
        steps.append(Step.of("alter_columns", f"ALTER TABLE {_t(c)} ALTER COLUMN {q} DROP EXPRESSION;", c))
    elif "generated" in left and live.generated is not None:
        left.discard("generated")
        steps += _generation_expression(c, ctx)
    elif "generated" in left and ctx.options.allow_destructive and c.desired_table is not None:
        left.discard("generated")  # a plain column made generated: its values are replaced by computed ones
        steps += [replace(s, statement=replace(s.statement, destructive=True))
                  for s in _generation_expression(c, ctx, plain=True)]
    elif "generated" in left:
        left.discard("generated")
        ctx.omit(c, f"column {col.name} becomes generated, its values replaced by computed ones; {ALLOW_DESTRUCTIVE}")
    if "comment" in c.kinds:
        left.discard("comment")
        text = literal_pg(col.comment) if col.comment else "NULL"
        steps.append(Step.of("comments", f"COMMENT ON COLUMN {_t(c)}.{q} IS {text};", c))
    if left:
        ctx.omit_by_hand(c, left, col.name)
    del live
    return steps
