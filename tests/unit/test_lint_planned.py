"""The fix migrations jobschema writes lint clean under the migration-safety rules where the planner's
output is safe: the lock timeout comes first (JS207), legacy values are rewritten before a constraint is
validated (JS206), constraints go in NOT VALID (JS201), and a DROP NOT NULL the schema asks for carries the
suppression that says why (JS209)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobschema import api
from jobschema.dialects import base
from jobschema.dialects.postgres.normalize import HOOKS
from jobschema.diff import changes as ch
from jobschema.lint import runner
from jobschema.lint.migration import parse_file
from jobschema.lint.registry import Selection
from jobschema.model.live import ProbeResult
from jobschema.model.objects import Check, Column, Sql, Table
from jobschema.plan.planner import plan

SCHEMA = str(Path(__file__).resolve().parents[2] / "schema")
POSTGRES = base.get("postgres")


@pytest.fixture(scope="module")
def project():
    return api.load(SCHEMA)


def lint_text(text: str) -> list[str]:
    result = runner.lint_migration(parse_file("fix.postgres.sql", text, "postgres"), Selection.build(["JS2"]))
    return [f"{f.location.line}: {f.code} {f.message}" for f in result.failing]


def test_value_set_fix_lints_clean(project):
    t = project.module("batch").table("batch_jobs")
    (desired, _col), = [(c, col) for c, col in HOOKS.enum_checks(t) if col.name == "status"]
    live = Check("chk_old", Sql("status IN ('pending', 'running', 'completed', 'failed', 'cancelled')"))
    change = ch.ModifyCheck(module="batch", path="batch.batch_jobs.batch_jobs_status_check", table="batch_jobs",
                            desired=desired, live=live, desired_table=t, live_table=t, live_name="chk_old",
                            column="status", missing=("paused", "processing", "queued"), extra=("pending", "running"))
    probe = ProbeResult(change, "value", 3, (("pending", 2, "queued"), ("running", 1, "processing")))
    text = plan([change], project, "batch", POSTGRES, probes=[probe]).render()
    assert "UPDATE batch_jobs" in text and "VALIDATE CONSTRAINT" in text
    assert lint_text(text) == []


def test_drop_not_null_the_schema_asks_for_is_suppressed_with_its_reason(project):
    t = Table("jobs", (Column("note", "text", nullable=True),))
    live = Table("jobs", (Column("note", "text", nullable=False),))
    change = ch.ModifyColumn(module="batch", path="batch.jobs.note", table="jobs", desired=t.columns[0],
                             live=live.columns[0], desired_table=t, live_table=live, kinds=frozenset({"null"}))
    text = plan([change], project, "batch", POSTGRES).render()
    assert "DROP NOT NULL" in text and "jobschema:ignore JS209 the schema declares note nullable" in text
    assert lint_text(text) == []
    assert lint_text(text.replace("-- jobschema:ignore JS209", "--")) != []  # the rule would fire without it


def test_added_columns_and_keys_lint_clean_with_reasons(project):
    """A column with a volatile default is added bare, given its default, then backfilled (JS211 would
    otherwise fire: ADD COLUMN ... DEFAULT gen_random_uuid() rewrites the table); an identity column and a key
    built in its own statement cannot avoid their lock, so they carry the reason (JS211, JS212)."""
    from jobschema import fixlint
    from jobschema.model.objects import Default, PrimaryKey, UniqueKey

    cols = (Column("id", "integer", nullable=False),
            Column("token", "uuid", nullable=False, default=Default.expr("gen_random_uuid()")),
            Column("seq", "integer", nullable=False, identity="always"))
    t = Table("jobs", cols, primary_key=PrimaryKey(("id",)), uniques=(UniqueKey("jobs_seq_key", ("seq",)),))
    live = Table("jobs", cols[:1], primary_key=PrimaryKey(("id",)))
    base = dict(module="batch", table="jobs", desired_table=t, live_table=live)
    changes = [ch.AddColumn(path="batch.jobs.token", desired=cols[1], **base),
               ch.AddColumn(path="batch.jobs.seq", desired=cols[2], **base),
               ch.AddUniqueKey(path="batch.jobs.jobs_seq_key", desired=t.uniques[0], **base)]
    text = plan(changes, project, "batch", POSTGRES).render()
    assert "ADD COLUMN token uuid;" in text and "ALTER COLUMN token SET DEFAULT gen_random_uuid();" in text
    assert sorted(x.split(": ")[1].split()[0] for x in lint_text(text)) == ["JS211", "JS212"]  # seq, the key
    annotated = fixlint.annotate(text, "postgres")
    assert "jobschema:ignore JS211 an identity" in annotated and "jobschema:ignore JS212 the key" in annotated
    assert lint_text(annotated) == []
