"""Plans that respect dependencies, on hand-built changes: type changes PostgreSQL cannot cast by itself,
defaults around a type change, views read by other views, a primary key over a column losing NOT NULL."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from jobschema import api
from jobschema.dialects import base
from jobschema.dialects.postgres.column_plan import casts_by_itself
from jobschema.diff import changes as ch
from jobschema.errors import PlanRefused
from jobschema.model.objects import Column, Default, PrimaryKey, Sql, Table, View
from jobschema.plan.planner import PlanOptions, plan

POSTGRES = base.get("postgres")
SCHEMA = str(Path(__file__).resolve().parents[2] / "schema")
DESTRUCTIVE = PlanOptions(allow_destructive=True)


@pytest.fixture(scope="module")
def project():
    return api.load(SCHEMA)


@pytest.mark.parametrize("live, desired, expected", [
    ("bigint", "timestamptz", False), ("text", "integer", False), ("jsonb", "integer", False),
    ("integer", "text", True), ("bigint", "integer", True), ("timestamp", "timestamptz", True),
    ("varchar(10)", "varchar(5)", True), ("integer", "integer[]", False), ("json", "jsonb", True),
])
def test_which_type_changes_postgres_casts_by_itself(live, desired, expected):
    assert casts_by_itself(live, desired) is expected


def _type_change(project, live_type: str, desired_type: str, **desired):
    t = project.module("batch").table("batch_jobs")
    col = replace(t.columns[-1], name="happened", type=desired_type, nullable=True, **desired)
    live = replace(col, type=live_type, using=None, default=Default.expr("0"))
    table = replace(t, columns=(*t.columns, col))
    return ch.ModifyColumn(module="batch", path="batch.batch_jobs.happened", table="batch_jobs", desired=col,
                           live=live, desired_table=table, live_table=table, kinds=frozenset({"type"}),
                           desired_type=desired_type, live_type=live_type, destructive=True)


def test_a_type_change_without_a_cast_is_refused_naming_the_column(project):
    with pytest.raises(PlanRefused, match=r"column happened from bigint to timestamptz.*using:"):
        plan([_type_change(project, "bigint", "timestamptz")], project, "batch", POSTGRES, options=DESTRUCTIVE)


def test_using_converts_with_the_default_dropped_around_the_type_change(project):
    c = _type_change(project, "bigint", "timestamptz", using=Sql("to_timestamp(happened)"),
                     default=Default.expr("now()"))
    sqls = [s.sql for s in plan([c], project, "batch", POSTGRES, options=DESTRUCTIVE).steps
            if s.phase == "alter_columns"]
    assert sqls == ["ALTER TABLE batch_jobs ALTER COLUMN happened DROP DEFAULT;",
                    "ALTER TABLE batch_jobs ALTER COLUMN happened TYPE timestamptz USING to_timestamp(happened);",
                    "ALTER TABLE batch_jobs ALTER COLUMN happened SET DEFAULT now();"]


def test_a_view_read_by_other_views_is_dropped_after_them_and_created_before_them(project):
    m = project.module("batch")
    views = (View("a", (("*", "SELECT id FROM batch_jobs"),)), View("b", (("*", "SELECT id FROM a"),)),
             View("c", (("*", "SELECT id FROM b"),)))
    p2 = replace(project, modules=tuple(replace(x, views=views) if x.name == "batch" else x
                                        for x in project.modules))
    assert [v.name for v in base.dependent_views(views, "a")] == ["b", "c"]
    change = ch.ModifyView(module="batch", path="batch.a", desired=views[0],
                           live=View("a", (("*", "SELECT 1 AS id"),)))
    steps = plan([change], p2, "batch", POSTGRES).steps
    drops = [s.sql for s in steps if s.phase == "drop_dependents"]
    creates = [s.sql.split(" AS")[0] for s in steps if s.phase == "views"]
    assert drops == ["DROP VIEW c;", "DROP VIEW b;", "DROP VIEW a;"]
    assert [x.split()[-1] for x in creates] == ["a", "b", "c"], creates
    del m


def test_drop_not_null_waits_for_a_primary_key_kept_without_allow_destructive(project):
    t = Table("jobs", (Column("id", "bigint", nullable=True),))
    live = replace(t, columns=(Column("id", "bigint", nullable=False),), primary_key=PrimaryKey(("id",), "jobs_pkey"))
    drop_pk = ch.DropPrimaryKey(module="batch", path="batch.jobs.jobs_pkey", table="jobs", live=live.primary_key,
                                live_name="jobs_pkey", desired_table=t, live_table=live)
    null = ch.ModifyColumn(module="batch", path="batch.jobs.id", table="jobs", desired=t.columns[0],
                           live=live.columns[0], desired_table=t, live_table=live, kinds=frozenset({"null"}))
    kept = plan([drop_pk, null], project, "batch", POSTGRES)
    assert kept.empty and len(kept.omitted) == 2 and "jobs_pkey" in kept.omitted[1].reason
    dropped = [s.sql for s in plan([drop_pk, null], project, "batch", POSTGRES, options=DESTRUCTIVE).steps[1:]]
    assert dropped == ["ALTER TABLE jobs DROP CONSTRAINT jobs_pkey;", "ALTER TABLE jobs ALTER COLUMN id DROP NOT NULL;"]
