"""The generic differ on hand-built models with the PostgreSQL hooks: which Change each difference gives."""

from __future__ import annotations

from dataclasses import replace

from jobschema import codes
from jobschema.dialects.postgres.normalize import HOOKS
from jobschema.diff import changes as ch
from jobschema.diff.differ import DiffOptions, diff
from jobschema.diff.findings import findings
from jobschema.finding import Severity
from jobschema.model.live import LiveCatalog, UnmanagedItem
from jobschema.model.objects import (
    Check,
    Column,
    Default,
    ForeignKey,
    Index,
    IndexPart,
    Module,
    Policy,
    PrimaryKey,
    Rls,
    Sql,
    Table,
    UniqueKey,
)

JOBS = Table(
    name="jobs",
    columns=(
        Column("id", "uuid", nullable=False, default=Default.expr("gen_random_uuid()")),
        Column("status", "text", nullable=False, default=Default.literal("queued"),
               enum=("queued", "processing", "paused"), enum_check_name="jobs_status_check",
               legacy_values=(("pending", "queued"),)),
        Column("total", "integer", nullable=False, default=Default.literal(0)),
        Column("parent_id", "uuid"),
        Column("created_at", "timestamptz(6)", nullable=False, default=Default.expr("now()")),
    ),
    primary_key=PrimaryKey(("id",), "jobs_pkey"),
    uniques=(UniqueKey("jobs_total_uq", ("total", "parent_id")),),
    indexes=(Index("jobs_status_idx", (IndexPart(column="status"),), where=Sql("status <> 'paused'")),),
    foreign_keys=(ForeignKey("jobs_parent_fkey", ("parent_id",), "jobs", ("id",), on_delete="cascade"),),
    checks=(Check("jobs_total_check", Sql("total >= 0")),),
    rls=Rls(True, False, (Policy("p_all", using=Sql("total >= 0")),)),
)


def live_of(t: Table) -> Table:
    """What PostgreSQL prints back for ``t``: casts, parentheses, ANY(ARRAY[...])."""
    cols = []
    for c in t.columns:
        d = c.default
        if d is not None and d.kind == "literal":
            d = Default.expr(f"'{d.value}'::text" if isinstance(d.value, str) else str(d.value))
        cols.append(replace(c, default=d, enum=None, enum_check_name=None, legacy_values=(),
                            type={"timestamptz(6)": "timestamptz(6)"}.get(c.type, c.type)))
    checks = [Check("jobs_total_check", Sql("((total >= 0))"))]
    for c in t.columns:
        if c.enum:
            arr = ", ".join(f"'{v}'::text" for v in reversed(c.enum))
            checks.append(Check(c.enum_check_name, Sql(f"(({c.name} = ANY (ARRAY[{arr}])))")))
    return replace(t, columns=tuple(cols), checks=tuple(checks),
                   indexes=(Index("jobs_status_idx", (IndexPart(column="status"),),
                                  where=Sql("(status <> 'paused'::text)")),),
                   rls=Rls(True, False, (Policy("p_all", using=Sql("(total >= 0)")),)))


def run(desired: Table, live: Table | None, **opts) -> list[ch.Change]:
    cat = LiveCatalog(module=Module("live", tables=(live,) if live else ()), dialect="postgres")
    return diff([Module("m", tables=(desired,))], cat, HOOKS, DiffOptions(**opts)).changes


def test_server_spelling_is_not_drift():
    assert run(JOBS, live_of(JOBS)) == []


def test_missing_table():
    (c,) = run(JOBS, None)
    assert isinstance(c, ch.AddTable) and c.path == "m.jobs"


def test_enum_check_value_set_by_meaning_under_another_name():
    live = live_of(JOBS)
    checks = [c for c in live.checks if c.name != "jobs_status_check"]
    checks.append(Check("legacy_status", Sql("(status = ANY (ARRAY['pending'::text, 'queued'::text]))")))
    (c,) = run(JOBS, replace(live, checks=tuple(checks)))
    assert isinstance(c, ch.ModifyCheck)
    assert (c.missing, c.extra, c.live_name, c.column) == (("paused", "processing"), ("pending",), "legacy_status",
                                                           "status")
    assert c.destructive and c.desired.name == "jobs_status_check"


def test_two_checks_on_one_column():
    live = live_of(JOBS)
    extra = Check("old_status", Sql("(status = ANY (ARRAY['pending'::text]))"))
    (c,) = run(JOBS, replace(live, checks=live.checks + (extra,)))
    assert isinstance(c, ch.DuplicateColumnCheck) and c.column == "status" and c.live_name == "old_status"


def test_renamed_check_and_index():
    live = live_of(JOBS)
    live = replace(live, checks=tuple(replace(c, name=c.name + "_x") for c in live.checks),
                   indexes=tuple(replace(i, name="other_idx") for i in live.indexes))
    got = run(JOBS, live)
    assert {(type(c).__name__, c.of, c.live_name) for c in got} == {
        ("RenamedEquivalent", "check", "jobs_total_check_x"), ("RenamedEquivalent", "check", "jobs_status_check_x"),
        ("RenamedEquivalent", "index", "other_idx")}
    assert all(c.severity == Severity.WARNING for c in got)  # names are schema: the audit exits 1


def test_server_generated_name_of_an_unnamed_constraint_is_only_noted():
    unnamed = replace(JOBS, columns=tuple(replace(c, enum_check_name=None) for c in JOBS.columns))
    live = live_of(JOBS)
    live = replace(live, checks=tuple(replace(c, name="jobs_status_check1") if "status" in c.name else c
                                      for c in live.checks))
    (c,) = run(unnamed, live)
    assert (type(c).__name__, c.live_name, c.severity) == ("RenamedEquivalent", "jobs_status_check1", Severity.INFO)
    (named,) = run(JOBS, replace(live, checks=tuple(replace(c, name="jobs_status_check1") if "status" in c.name
                                                    else c for c in live.checks)))
    assert named.severity == Severity.WARNING  # the schema names it: another name is drift


def test_column_kinds():
    live = live_of(JOBS)
    cols = list(live.columns)
    cols[2] = replace(cols[2], type="bigint", nullable=True, default=Default.expr("1"))
    (c,) = run(JOBS, replace(live, columns=tuple(cols)))
    assert isinstance(c, ch.ModifyColumn) and c.kinds == {"type", "null", "default"}
    assert c.destructive and c.severity == Severity.ERROR
    fs = findings([c], hooks=HOOKS)
    assert [f.code for f in fs] == ["JS303", "JS304", "JS305"]


def test_fk_index_policy_and_unique_changes():
    live = live_of(JOBS)
    live = replace(live, foreign_keys=(replace(JOBS.foreign_keys[0], on_delete="no action"),),
                   indexes=(replace(live.indexes[0], where=None),), uniques=(),
                   rls=Rls(False, False, (Policy("p_all", using=Sql("true")),)))
    kinds = {type(c).__name__: c for c in run(JOBS, live)}
    assert kinds["ModifyForeignKey"].kinds == {"on_delete"}
    assert kinds["ModifyIndex"].kinds == {"where"}
    assert kinds["ModifyPolicy"].kinds == {"using"}
    assert "AddUniqueKey" in kinds and "EnableRls" in kinds


def test_extras_use_the_unmanaged_severity():
    live = live_of(JOBS)
    live = replace(live, columns=live.columns + (Column("junk", "text"),),
                   indexes=live.indexes + (Index("junk_idx", (IndexPart(column="junk"),)),))
    other = Table("stray", (Column("id", "integer"),))
    cat = LiveCatalog(module=Module("live", tables=(live, other)), dialect="postgres",
                      unmanaged=(UnmanagedItem("rule", "r1", "public", "jobs"),))
    got = diff([Module("m", tables=(JOBS,))], cat, HOOKS, DiffOptions(unmanaged_severity=Severity.ERROR)).changes
    assert {type(c).__name__ for c in got} == {"DropColumn", "DropIndex", "DropTable", "UnmanagedObject"}
    assert all(c.severity == Severity.ERROR for c in got)
    assert all(c.destructive for c in got if not isinstance(c, (ch.UnmanagedObject, ch.DropIndex)))


def test_every_change_class_has_a_code():
    from jobschema.diff.findings import _DISPATCH

    for name in dir(ch):
        obj = getattr(ch, name)
        if isinstance(obj, type) and issubclass(obj, ch.Change) and obj is not ch.Change:
            assert obj in _DISPATCH, name


def test_codes_are_documented():
    import os

    doc = open(os.path.join(os.path.dirname(__file__), "..", "..", "docs", "audit.md"), encoding="utf-8").read()
    audit = codes.of_family("audit")
    assert len(audit) > 30 and all(c.startswith("JS3") for c in audit)
    for code in audit:
        assert f"`{code}`" in doc, code
