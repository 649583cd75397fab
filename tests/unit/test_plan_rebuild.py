"""A partitioned table whose partition key differs is rebuilt, on hand-built changes: one destructive step that
keeps the rows, the table's partition changes left to it, nothing planned without --allow-destructive."""

from __future__ import annotations

from jobschema.dialects import base
from jobschema.diff import changes as ch
from jobschema.model.objects import Column, Module, PrimaryKey, Project, Table, UnmanagedItem
from jobschema.plan.planner import PlanOptions, plan

POSTGRES = base.get("postgres")
RECORD = (UnmanagedItem("partitioning", "ledger", detail="PARTITION BY RANGE (id)"),
          UnmanagedItem("partition", "ledger_low", detail="PARTITION OF public.ledger FOR VALUES FROM (MINVALUE) TO (10)"),
          UnmanagedItem("partition", "ledger_high",
                        detail='PARTITION OF public."ledger" FOR VALUES FROM (10) TO (MAXVALUE)'))
TABLE = Table("ledger", (Column("id", "bigint", nullable=False, identity="always"),
                         Column("booked", "date", nullable=False)),
              primary_key=PrimaryKey(("id", "booked"), name="ledger_pkey"))
PROJECT = Project(modules=(Module("app", tables=(TABLE,), unmanaged=RECORD),))


def _changes():
    key = ch.ModifyUnmanaged(module="app", path="app.ledger", live_name="ledger", of="partitioning",
                             desired=RECORD[0], detail="PARTITION BY RANGE (id)",
                             live_detail="PARTITION BY RANGE (booked)")
    added = ch.AddUnmanaged(module="app", path="app.ledger_low", of="partition", desired=RECORD[1],
                            detail=RECORD[1].detail)
    old = ch.UnmanagedObject(module="app", path="app.ledger_2024", live_name="ledger_2024", of="partition",
                             detail="PARTITION OF public.ledger FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')")
    return [key, added, old]


def test_the_table_is_rebuilt_in_one_step_that_keeps_its_rows():
    p = plan(_changes(), PROJECT, "app", POSTGRES, options=PlanOptions(allow_destructive=True))
    body = [s for s in p.steps if s.phase != "prelude"]
    assert len(body) == 1 and body[0].statement.destructive and body[0].statement.rewrites
    sql = body[0].sql
    order = ["CREATE TABLE ledger_rebuild", "PARTITION BY RANGE (id)",
             "CREATE TABLE ledger_low_rebuild PARTITION OF ledger_rebuild",
             "CREATE TABLE ledger_high_rebuild PARTITION OF ledger_rebuild FOR VALUES FROM (10) TO (MAXVALUE);",
             "INSERT INTO ledger_rebuild (id, booked) OVERRIDING SYSTEM VALUE SELECT id, booked FROM ledger;",
             "SELECT setval(", "DROP TABLE ledger;", "ALTER TABLE ledger_rebuild RENAME TO ledger;",
             "ALTER TABLE ledger_low_rebuild RENAME TO ledger_low;",
             "ALTER SEQUENCE ledger_rebuild_id_seq RENAME TO ledger_id_seq;",
             "ADD CONSTRAINT ledger_pkey PRIMARY KEY (id, booked);"]
    places = [sql.find(s) for s in order]
    assert -1 not in places and places == sorted(places), sql
    assert "ledger_2024" not in sql and p.omitted == []
    assert [u.tx for u in p.units()][-1] == "own"


def test_without_allow_destructive_nothing_of_the_table_is_planned():
    p = plan(_changes(), PROJECT, "app", POSTGRES, options=PlanOptions())
    assert p.empty
    assert len(p.omitted) == 3
    assert "--allow-destructive" in p.omitted[0].reason
    assert all("rebuild of ledger" in o.reason for o in p.omitted[1:])
