"""Planner ordering and refusals on hand-built changes; migration folders, sums and statement splitters."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobschema import api
from jobschema.dialects import base
from jobschema.dialects.mysql import plan as mysql_plan
from jobschema.dialects.mysql.migrate import MysqlMigrator
from jobschema.dialects.mysql.split import split_mysql_statements
from jobschema.dialects.postgres import column_plan as pg_plan
from jobschema.dialects.postgres.migrate import PostgresMigrator
from jobschema.dialects.postgres.normalize import HOOKS
from jobschema.dialects.postgres.split import split_statements as split_pg
from jobschema.diff import changes as ch
from jobschema.errors import PlanRefused, UsageError
from jobschema.lint.migration import parse_file
from jobschema.migrate import sumfile
from jobschema.migrate.directory import MigrationDir
from jobschema.model.live import ProbeResult
from jobschema.model.objects import Check, Sql
from jobschema.plan.planner import PHASES, PlanOptions, order, plan
from jobschema.plan.steps import Step

POSTGRES = base.get("postgres")
SCHEMA = str(Path(__file__).resolve().parents[2] / "schema")


@pytest.fixture(scope="module")
def project():
    return api.load(SCHEMA)


def status_change(project, live_values):
    t = project.module("batch").table("batch_jobs")
    (desired, _col), = [(c, col) for c, col in HOOKS.enum_checks(t) if col.name == "status"]
    live = Check("chk_old", Sql(f"status IN ({', '.join(repr(v) for v in live_values)})"))
    return ch.ModifyCheck(module="batch", path="batch.batch_jobs.batch_jobs_status_check", table="batch_jobs",
                          desired=desired, live=live, desired_table=t, live_table=t, live_name="chk_old",
                          column="status", missing=("paused", "processing", "queued"), extra=("pending", "running"))


def test_value_set_fix_orders_drop_guard_rewrite_validate(project):
    """The new rule goes in NOT VALID before the rewrite (writes made while it runs are checked), in the same
    short transaction as the drop of the old one; each rewrite is batched by primary key; VALIDATE alone."""
    c = status_change(project, ["pending", "running", "completed", "failed", "cancelled"])
    probe = ProbeResult(c, "value", 3, (("pending", 2, "queued"), ("running", 1, "processing")))
    p = plan([c], project, "batch", POSTGRES, probes=[probe])
    sql = [s.sql for s in p.steps]
    assert sql == [
        "SET lock_timeout = '5s';",
        "ALTER TABLE batch_jobs DROP CONSTRAINT chk_old;",
        "ALTER TABLE batch_jobs ADD CONSTRAINT batch_jobs_status_check CHECK (status IN ('queued', 'processing', "
        "'paused', 'completed', 'failed', 'cancelled')) NOT VALID;",
        "UPDATE batch_jobs SET status = 'queued' WHERE status = 'pending';",
        "UPDATE batch_jobs SET status = 'processing' WHERE status = 'running';",
        "ALTER TABLE batch_jobs VALIDATE CONSTRAINT batch_jobs_status_check;",
    ]
    units = [(u["tx"], u["lock"], u["scans"], u["rewrites"], u["key"], u["statements"]) for u in p.summary()]
    assert units == [
        ("session", "none", False, False, None, 1),
        ("own", "ACCESS EXCLUSIVE", False, False, None, 2),
        ("batches", "ROW EXCLUSIVE", False, False, "id", 1),
        ("batches", "ROW EXCLUSIVE", False, False, "id", 1),
        ("own", "SHARE UPDATE EXCLUSIVE", True, False, None, 1),
    ]
    text = p.render()
    assert "findings fixed" in text and "database" not in text.split("\n\n", 1)[0]
    assert "-- jobschema:step 2 tx=own lock=ACCESS EXCLUSIVE scans=no rewrites=no table=public.batch_jobs\n" in text
    assert "-- jobschema:step 5 tx=own lock=SHARE UPDATE EXCLUSIVE scans=yes rewrites=no" in text


def test_unmapped_values_refuse_or_stay_not_valid(project):
    c = status_change(project, ["pending", "archived"])
    probe = ProbeResult(c, "value", 4, (("pending", 2, "queued"), ("archived", 2, None)))
    with pytest.raises(PlanRefused, match="2 row\\(s\\) with status = 'archived'"):
        plan([c], project, "batch", POSTGRES, probes=[probe])
    p = plan([c], project, "batch", POSTGRES, probes=[probe], options=PlanOptions(allow_not_valid=True))
    assert not any("VALIDATE" in s.sql for s in p.steps)
    assert any(s.note and "left NOT VALID" in s.note for s in p.steps)


def test_legacy_rewrite_only_for_values_the_live_check_allowed(project):
    c = status_change(project, ["running", "completed"])
    p = plan([c], project, "batch", POSTGRES)
    assert [s.sql for s in p.steps if s.phase == "rewrite_values"] == [
        "UPDATE batch_jobs SET status = 'processing' WHERE status = 'running';"]


def test_destructive_changes_are_left_out_and_listed(project):
    t = project.module("batch").table("batch_jobs")
    drop = ch.DropColumn(module="batch", path="batch.batch_jobs.legacy", table="batch_jobs", live=t.columns[0],
                         live_name="legacy", desired_table=t, live_table=t, destructive=True)
    p = plan([drop], project, "batch", POSTGRES)
    assert p.empty and p.omitted and "--allow-destructive" in p.omitted[0].reason
    p = plan([drop], project, "batch", POSTGRES, options=PlanOptions(allow_destructive=True))
    assert p.steps[-1].sql == "ALTER TABLE batch_jobs DROP COLUMN id;"
    assert p.steps[-1].statement.destructive and not any(s.statement.destructive for s in p.steps[:-1])


def test_every_drop_is_destructive_and_says_what_it_removes():
    drops = [cls for cls in vars(ch).values() if isinstance(cls, type) and issubclass(cls, ch.Change)
             and cls.__name__.startswith(("Drop", "Disable"))]
    assert len(drops) == 13
    for cls in drops:
        c = cls(module="m", path="m.t")
        assert c.destructive and c.removes, cls.__name__
    assert not ch.AddColumn(module="m", path="m.t.c").destructive and ch.AddColumn.removes is None


def test_flags_decide_not_valid_and_concurrently(project):
    """NOT VALID and CONCURRENTLY are statement flags the renderer spells; the file's transaction mode
    follows the flags."""
    t = project.module("batch").table("batch_items")
    ix, fk = t.indexes[0], t.foreign_keys[0]
    add_ix = ch.AddIndex(module="batch", path=f"batch.batch_items.{ix.name}", table="batch_items", desired=ix,
                         desired_table=t)
    add_fk = ch.AddForeignKey(module="batch", path=f"batch.batch_items.{fk.name}", table="batch_items", desired=fk,
                              desired_table=t)
    for online in (False, True):
        p = plan([add_ix, add_fk], project, "batch", POSTGRES, options=PlanOptions(concurrently=online))
        (index,) = [s for s in p.steps if s.phase == "indexes"]
        assert index.statement.concurrently is online and index.transactional is not online
        assert ("INDEX CONCURRENTLY " in index.sql) is online and p.transactional is not online
        assert ("-- jobschema:no-transaction" in p.render()) is online
        (added,) = [s for s in p.steps if s.phase == "foreign_keys"]
        assert added.statement.not_valid and added.sql.endswith(" NOT VALID;") and "FOREIGN KEY" in added.sql
        (validate,) = [s for s in p.steps if s.phase == "validate_foreign_keys"]
        assert not validate.statement.not_valid and validate.statement.lock == "SHARE UPDATE EXCLUSIVE"


def test_order_follows_phases_then_dependencies():
    steps = [Step.of("views", "v2", None, key="view:b", after=("view:a",)), Step.of("views", "v1", None, key="view:a"),
             Step.of("rewrite_values", "u", None), Step.of("drop_constraints", "d", None), Step.of("prelude", "p", None)]
    assert [s.sql for s in order(steps)] == ["p", "d", "u", "v1", "v2"]
    assert PHASES.index("rewrite_values") < PHASES.index("add_constraints") < PHASES.index("validate_constraints")
    assert PHASES.index("widen_values") < PHASES.index("rewrite_values") < PHASES.index("narrow_values")


@pytest.mark.parametrize("live,desired,ok", [
    ("integer", "bigint", True), ("bigint", "integer", False), ("varchar(32)", "varchar(64)", True),
    ("varchar(64)", "varchar(32)", False), ("varchar(200)", "text", True), ("text", "varchar(10)", False),
    ("timestamptz(3)", "timestamptz(6)", True), ("text", "integer", False),
])
def test_postgres_widening(live, desired, ok):
    assert pg_plan.widens(live, desired) is ok


@pytest.mark.parametrize("live,desired,ok", [
    ("int", "bigint", True), ("smallint", "int", True), ("bigint", "int", False), ("varchar(16)", "varchar(32)", True),
    ("varchar(32)", "text", True), ("text", "varchar(32)", False), ("datetime(3)", "datetime(6)", True),
])
def test_mysql_widening(live, desired, ok):
    assert mysql_plan.widens(live, desired) is ok


def test_sum_file_detects_every_kind_of_tampering(tmp_path):
    d = MigrationDir(str(tmp_path))
    d.write("one", "SELECT 1;\n")
    d.write("two", "SELECT 2;\n")
    text = (tmp_path / "jobschema.sum").read_text()
    assert text.splitlines()[0] == sumfile.h1("".join(text.splitlines(keepends=True)[1:]).encode())
    d.verify()
    (tmp_path / "0002_two.sql").write_text("SELECT 3;\n")
    with pytest.raises(sumfile.SumMismatch, match="0002_two.sql: edited"):
        d.verify()
    d.rehash()
    (tmp_path / "0003_new.sql").write_text("SELECT 4;\n")
    with pytest.raises(sumfile.SumMismatch, match="0003_new.sql: not listed"):
        d.verify()
    (tmp_path / "0003_new.sql").unlink()
    (tmp_path / "0001_one.sql").unlink()
    with pytest.raises(sumfile.SumMismatch, match="0001_one.sql: listed .* missing"):
        d.verify()


def test_folder_rules(tmp_path):
    d = MigrationDir(str(tmp_path))
    assert d.next_version() == "0001" and d.names() == []
    (tmp_path / "0002_b.sql").write_text("-- jobschema:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (c);\n")
    (tmp_path / "0010_c.sql").write_text("SELECT 1;\n")
    (tmp_path / "README.md").write_text("notes")
    assert d.names() == ["0002_b.sql", "0010_c.sql"] and d.next_version() == "0011"
    assert [f.transactional for f in d.files()] == [False, True]
    (tmp_path / "0010_d.sql").write_text("SELECT 1;\n")
    with pytest.raises(UsageError, match="two migration files have version 0010"):
        d.names()
    (tmp_path / "0010_d.sql").unlink()
    (tmp_path / "fix.sql").write_text("SELECT 1;\n")
    with pytest.raises(UsageError, match="NNNN_<slug>.sql"):
        d.names()


def test_postgres_splitter_keeps_bodies_whole():
    script = ("SET lock_timeout = '5s';\n-- a comment; with a semicolon\n"
              "CREATE FUNCTION f() RETURNS int AS $fn$ SELECT 1; $fn$ LANGUAGE sql;\n"
              "/* outer /* inner; */ still; */ SELECT E'it\\'s;', 'a''b;';\n"
              "CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;\n"
              "SELECT 'unterminated; SELECT 3;\n")
    parts = split_pg(script)
    assert [p.line for p in parts] == [1, 3, 4, 5, 6]
    assert [p.text for p in parts] == [
        "SET lock_timeout = '5s'", "CREATE FUNCTION f() RETURNS int AS $fn$ SELECT 1; $fn$ LANGUAGE sql",
        "SELECT E'it\\'s;', 'a''b;'", "CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; "
        "SELECT 2; END", "SELECT 'unterminated; SELECT 3;"]


def test_mysql_splitter_is_the_products():
    assert split_mysql_statements("SELECT ';'; CREATE PROCEDURE p() BEGIN SELECT 1; END; SELECT 2") == [
        "SELECT ';'", "CREATE PROCEDURE p() BEGIN SELECT 1; END", "SELECT 2"]


TRICKY = {
    "postgres": ("-- jobschema: a header; with a semicolon\n"
                 "SET lock_timeout = '5s';\n\n"
                 "/* a block; comment */\n"
                 "CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS $body$\n"
                 "BEGIN\n  RETURN 'a;b'; -- inside; the body\nEND\n$body$;\n"
                 "UPDATE jobs SET note = 'x;y', tag = $$z;$$ WHERE \"odd;name\" = E'\\';'; -- trailing; comment\n"
                 "CREATE FUNCTION g() RETURNS int LANGUAGE sql\n  BEGIN ATOMIC\n    SELECT 1;\n  END;\n",
                 [(2, "SET lock_timeout"), (5, "CREATE FUNCTION f()"), (10, "UPDATE jobs"),
                  (11, "CREATE FUNCTION g()")]),
    "mysql": ("-- a header; with a semicolon\n"
              "# a hash comment; too\n"
              "UPDATE jobs SET note = 'it\\'s; fine', `odd;name` = \"q;\" WHERE id = 1; -- trailing; comment\n"
              "/*!40101 SET NAMES utf8mb4 */;\n"
              "DELIMITER $$\n"
              "CREATE PROCEDURE p()\nBEGIN\n  SELECT ';';\nEND$$\n"
              "DELIMITER ;\n"
              "CREATE TRIGGER t BEFORE INSERT ON jobs FOR EACH ROW BEGIN SET NEW.a = 1; END;\n",
              [(3, "UPDATE jobs"), (4, "/*!40101"), (6, "CREATE PROCEDURE p()"), (11, "CREATE TRIGGER t")]),
}


@pytest.mark.parametrize("dialect", sorted(TRICKY))
def test_lint_and_migrate_split_a_file_alike(dialect):
    """The statements (and their lines) lint reports are the ones migrate runs."""
    text, expected = TRICKY[dialect]
    migrator = object.__new__({"postgres": PostgresMigrator, "mysql": MysqlMigrator}[dialect])  # no connection
    ran = migrator.split(text)
    linted = parse_file(f"migrations/jobs/{dialect}/0001_fix.sql", text).statements
    assert [(s.line, s.text) for s in linted] == [(s.line, s.text) for s in ran]
    assert [(s.line, s.text[:len(head)]) for s, (_, head) in zip(ran, expected, strict=True)] == expected
    assert [s.end_line for s in linted] == [s.line + s.text.count("\n") for s in ran]


WRITER = """
import sys
from jobschema.migrate.directory import MigrationDir
d = MigrationDir(sys.argv[1])
for i in range(100000):
    d.write(f"step{i}", (f"-- step {i}\\n" + "SELECT 1;\\n" * 200000) + f"-- end {i}\\n")
"""


def test_killed_writer_never_leaves_a_half_written_file_or_sum(tmp_path):
    """SIGKILL while ``write`` adds files: every migration file is whole, and ``jobschema.sum`` is whole and
    lists every file, or all but the newest one (killed between the file and the sum)."""
    import random
    import signal
    import subprocess
    import sys
    import time

    rng = random.Random()
    for round_ in range(3):
        folder = tmp_path / f"r{round_}"
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(folder)], stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        delay = rng.uniform(0.5, 1.5)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        d = MigrationDir(str(folder))
        names = d.names()
        for k, name in enumerate(names):
            text = (folder / name).read_text()
            assert name == f"{k + 1:04d}_step{k}.sql"
            assert text.startswith(f"-- step {k}\n") and text.endswith(f"-- end {k}\n") and text.count(
                "SELECT 1;") == 200000, (delay, name, len(text))
        if not (folder / "jobschema.sum").exists():
            assert len(names) <= 1, (delay, names)  # killed before the first sum was written
            continue
        listed = (folder / "jobschema.sum").read_text()
        assert listed in (sumfile.compute(str(folder), names), sumfile.compute(str(folder), names[:-1])), delay


def test_migrate_settings_come_from_pyproject_and_flags_win(tmp_path):
    from jobschema.config import Config

    cfg = Config(root=str(tmp_path), migrate={"lock_timeout": 0.5, "batch_size": 200})
    assert cfg.migrate_settings() == {"lock_timeout": 0.5, "batch_size": 200}
    assert cfg.migrate_settings(batch_size=50, pause_ms=10) == {"lock_timeout": 0.5, "batch_size": 50, "pause_ms": 10}
    with pytest.raises(UsageError, match="--batch-size must be at least 1"):
        cfg.migrate_settings(batch_size=0)
    with pytest.raises(UsageError, match=r"migrate.lock_retries must be a whole number"):
        Config(migrate={"lock_retries": 1.5}).migrate_settings()
    with pytest.raises(UsageError, match="unknown key 'batch'"):
        Config(migrate={"batch": 1}).migrate_settings()


def test_step_lines_are_read_back_and_checked(tmp_path):
    from jobschema.migrate import units
    from jobschema.migrate.failures import MigrateRefused

    text = ("-- header\n\n-- jobschema:step 1 tx=session lock=none\nSET lock_timeout = '5s';\n"
            "-- jobschema:step 2 tx=own lock=ACCESS EXCLUSIVE scans=no table=public.t\n"
            "ALTER TABLE t DROP CONSTRAINT c;\nALTER TABLE t ADD CONSTRAINT d CHECK (x > 0) NOT VALID;\n"
            "-- jobschema:step 3 tx=batches lock=ROW EXCLUSIVE key=id table=public.t\n"
            "UPDATE t SET x = 1 WHERE x = 0;\n")
    got = units.read(text, split_pg(text), "f.sql")
    assert [(u.number, u.tx, u.lock, len(u.statements), u.key, u.tables) for u in got] == [
        (1, "session", "none", 1, None, []), (2, "own", "ACCESS EXCLUSIVE", 2, None, ["public.t"]),
        (3, "batches", "ROW EXCLUSIVE", 1, "id", ["public.t"])]
    assert units.read("SELECT 1;\n", split_pg("SELECT 1;\n"), "f.sql") is None  # no step lines: runs as before
    for bad, message in ((text.replace("step 3", "step 4"), "step 4 follows step 2"),
                         ("SELECT 1;\n" + text, "belongs to no step"),
                         (text.replace("tx=own", "tx=later"), "tx=later is not one of"),
                         (text.replace("key=id ", ""), "a tx=batches step is one UPDATE with key=")):
        with pytest.raises(MigrateRefused, match=message):
            units.read(bad, split_pg(bad), "f.sql")


@pytest.mark.parametrize(("server", "expected"), [
    ("17.2 (Debian 17.2-1)", ["ALTER TABLE t ALTER COLUMN b SET EXPRESSION AS (a * 3);"]),
    ("15.4", ["ALTER TABLE t DROP COLUMN b;", "ALTER TABLE t ADD COLUMN b integer GENERATED ALWAYS AS (a * 3) STORED;",
              "CREATE INDEX t_b ON t (b);"]),
])
def test_generated_expression_is_set_from_17_and_the_column_added_again_before(server, expected):
    from jobschema.model.objects import Column, Index, IndexPart, Module, Project, Table

    a = Column("a", "integer")
    want = Table("t", (a, Column("b", "integer", generated=Sql("a * 3"))),
                 indexes=(Index("t_b", (IndexPart(column="b"),)), Index("t_a", (IndexPart(column="a"),))))
    live = Table("t", (a, Column("b", "integer", generated=Sql("a * 2"))))
    change = ch.ModifyColumn(module="app", path="app.t.b", table="t", desired=want.columns[1], live=live.columns[1],
                             desired_table=want, live_table=live, kinds=frozenset({"generated"}))
    project = Project(modules=(Module(name="app", tables=(want,)),))
    p = plan([change], project, "app", POSTGRES, options=PlanOptions(server_version=server))
    assert [s.sql for s in p.steps if not s.sql.startswith("SET lock_timeout")] == expected
    assert not any(s.statement.destructive for s in p.steps) and not p.omitted
