"""`jobschema audit` against a real MariaDB: drift found by meaning, row counts, idempotence, query count.

Each test gets a fresh database (``mysql_dsn``), built from the DDL ``jobschema generate`` writes for the
module, then edited to hold the drift under test. Audits run through ``api.audit``, the path the command
takes (module choice, ``--namespace``, ``--unmanaged-severity``, finding locations), and each test names
every finding it expects; the inspector and session tests at the end check those parts on their own.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from dbutil import apply_sql_mysql, connect_mysql

from jobschema import api
from jobschema.dialects import base
from jobschema.dialects.mysql import inspect as mysql_inspect
from jobschema.diff import changes as ch
from jobschema.errors import UsageError

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "schema"


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """The project's generated DDL, written by the CLI exactly as a user would run it."""
    out = tmp_path_factory.mktemp("generated")
    proc = subprocess.run([sys.executable, "-m", "jobschema", "generate", "--out", str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture(scope="module")
def project():
    return api.load(str(SCHEMA))


def module_ddl(generated: Path, module: str) -> str:
    files = sorted((generated / module / "mysql").glob("*.mysql.sql"))
    assert files, f"no MySQL DDL generated for {module}"
    return "\n".join(f.read_text() for f in files)


def audit(dsn: str, module: str | None = None, **kwargs):
    """What ``jobschema audit`` runs: ``api.audit`` (module choice, remap, severities, finding locations)."""
    return api.audit(dsn, str(SCHEMA), module=module, **kwargs)


def mysql_modules(project) -> list[str]:
    return [m.name for m in project.modules if "mysql" in m.dialects and any(m.tables)]


def of(res, cls):
    return [c for c in res.changes if isinstance(c, cls)]


def found(res) -> list[tuple[str, str, str]]:
    """Every finding as (code, severity, object path), sorted: what a test must account for exactly."""
    return sorted((f.code, f.severity.value, f.path) for f in res.findings)


# ---------------------------------------------------------------------------------------- round trip

@pytest.mark.parametrize("module", ["batch", "bulk_activity", "campaign", "deletion", "iot"])
def test_generated_ddl_audits_clean_twice(project, generated, mysql_dsn, module):
    assert module in mysql_modules(project)
    apply_sql_mysql(mysql_dsn, module_ddl(generated, module))
    for _ in range(2):
        res = audit(mysql_dsn)  # the module is the one whose tables the database holds
        assert (res.module, res.dialect, res.namespace) == (module, "mysql", "public")
        assert res.changes == [], [(type(c).__name__, c.path, getattr(c, "kinds", "")) for c in res.changes]
        assert res.probes == [] and res.findings == [] and res.exit_code == 0


def test_every_mysql_module_is_covered(project):
    assert sorted(mysql_modules(project)) == ["batch", "bulk_activity", "campaign", "deletion", "iot"]


# ---------------------------------------------------------------------------------------------- enums

STATES = ("pending", "running", "done", "failed", "cancelled")


def _enum(values) -> str:
    return "enum(" + ",".join(f"'{v}'" for v in values) + ")"


def test_enum_missing_value_is_named_and_no_rows_flagged(project, generated, mysql_dsn):
    ddl = module_ddl(generated, "deletion").replace(_enum(STATES), _enum(STATES[:-1]))
    apply_sql_mysql(mysql_dsn, ddl)
    rows = ",".join(f"('t', '{i}', '{s}')" for i, s in enumerate(STATES[:-1]))
    apply_sql_mysql(mysql_dsn, f"INSERT INTO deletion_jobs (entity_table, entity_pk, status) VALUES {rows}")
    res = audit(mysql_dsn, "deletion")
    (col,) = of(res, ch.ModifyColumn)
    assert col.path == "deletion.deletion_jobs.status" and "type" in col.kinds
    assert col.enum_missing == ("cancelled",) and col.enum_extra == ()
    assert [p for p in res.probes if p.rows] == []  # every live row is allowed by the schema
    assert found(res) == [("JS303", "error", "deletion.deletion_jobs.status")]
    assert res.exit_code == 1


def test_enum_extra_value_reports_rows(project, generated, mysql_dsn):
    ddl = module_ddl(generated, "deletion").replace(_enum(STATES), _enum(STATES + ("paused",)))
    apply_sql_mysql(mysql_dsn, ddl)
    apply_sql_mysql(mysql_dsn, "INSERT INTO deletion_jobs (entity_table, entity_pk, status) VALUES "
                               "('t','1','paused'), ('t','2','paused'), ('t','3','done'), ('t','4','pending')")
    res = audit(mysql_dsn, "deletion")
    assert found(res) == [("JS303", "error", "deletion.deletion_jobs.status"),
                          ("JS380", "error", "deletion.deletion_jobs.status")]
    (col,) = of(res, ch.ModifyColumn)
    assert col.enum_extra == ("paused",) and col.enum_missing == ()
    (count,) = res.probes
    assert count.change is col and count.rows == 2 and count.values == (("paused", 2, None),)
    unread = audit(mysql_dsn, "deletion", no_data=True)
    assert unread.probes == [] and found(unread) == [("JS303", "error", "deletion.deletion_jobs.status")]


# ------------------------------------------------------------------------------ keys, indexes, views

def test_unique_index_fk_each_its_own_finding(project, generated, mysql_dsn):
    ddl = module_ddl(generated, "deletion")
    ddl = ddl.replace(",\n    UNIQUE KEY uq_deletion_jobs (entity_table, entity_pk)", "")
    ddl = ddl.replace("deletion_jobs (status, scheduled_at)", "deletion_jobs (scheduled_at, status)")
    ddl = ddl.replace("REFERENCES users (id) ON DELETE SET NULL", "REFERENCES users (id) ON DELETE CASCADE")
    apply_sql_mysql(mysql_dsn, ddl)
    res = audit(mysql_dsn, "deletion")
    assert found(res) == [
        ("JS316", "error", "deletion.deletion_jobs.uq_deletion_jobs"),
        ("JS321", "warning", "deletion.deletion_jobs.idx_dj_status_sched"),
        ("JS326", "error", "deletion.deletion_jobs.fk_dj_user"),
    ]
    (fk,) = of(res, ch.ModifyForeignKey)
    assert fk.kinds == {"on_delete"} and fk.live.on_delete == "cascade" and fk.desired.on_delete == "set null"
    (ix,) = of(res, ch.ModifyIndex)
    assert ix.kinds == {"columns"} and ix.live.columns == ("scheduled_at", "status")
    (uq,) = of(res, ch.AddUniqueKey)
    assert sorted((p.what, p.rows, type(p.change).__name__) for p in res.probes) == [
        ("duplicate", 0, "AddUniqueKey"), ("orphan", 0, "ModifyForeignKey")]
    assert [p.change for p in res.probes if p.what == "duplicate"] == [uq]


def test_unique_key_probe_counts_duplicates(project, generated, mysql_dsn):
    ddl = module_ddl(generated, "deletion").replace(",\n    UNIQUE KEY uq_deletion_jobs (entity_table, entity_pk)", "")
    apply_sql_mysql(mysql_dsn, ddl)
    apply_sql_mysql(mysql_dsn, "INSERT INTO deletion_jobs (entity_table, entity_pk) VALUES ('t','1'),('t','1'),('t','2')")
    res = audit(mysql_dsn, "deletion")
    assert found(res) == [("JS316", "error", "deletion.deletion_jobs.uq_deletion_jobs"),
                          ("JS380", "error", "deletion.deletion_jobs.uq_deletion_jobs")]
    (p,) = res.probes
    assert p.what == "duplicate" and p.rows == 2


def test_view_algorithm_reported(project, generated, mysql_dsn):
    ddl = module_ddl(generated, "deletion").replace(
        "CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW vw_deletion_jobs AS",
        "CREATE ALGORITHM=TEMPTABLE SQL SECURITY INVOKER VIEW vw_deletion_jobs AS")
    apply_sql_mysql(mysql_dsn, ddl)
    res = audit(mysql_dsn, "deletion")
    assert found(res) == [("JS341", "error", "deletion.vw_deletion_jobs")]
    (v,) = res.changes
    assert isinstance(v, ch.ModifyView) and v.path == "deletion.vw_deletion_jobs" and v.kinds == {"algorithm"}
    assert v.live.algorithm == "TEMPTABLE" and v.desired.algorithm == "MERGE"


def test_view_query_change_reported(project, generated, mysql_dsn):
    ddl = module_ddl(generated, "deletion").replace("  dj.created_at\nFROM deletion_jobs dj;",
                                                    "  dj.created_at\nFROM deletion_jobs dj WHERE dj.hard_delete = 0;")
    apply_sql_mysql(mysql_dsn, ddl)
    res = audit(mysql_dsn, "deletion")
    assert found(res) == [("JS341", "error", "deletion.vw_deletion_jobs")]
    (v,) = res.changes
    assert v.kinds == {"definition"}


# ------------------------------------------------------------------------------------ checks, columns

def test_mariadb_json_and_inline_checks_are_not_drift_but_real_checks_are(project, generated, mysql_dsn):
    apply_sql_mysql(mysql_dsn, module_ddl(generated, "iot"))
    # a CHECK the schema does not know, written inline so MariaDB names it after its column
    apply_sql_mysql(mysql_dsn, "ALTER TABLE jobs ADD COLUMN extra_n int NULL CHECK (extra_n >= 0)")
    res = audit(mysql_dsn, "iot")
    assert sorted((type(c).__name__, c.path) for c in res.changes) == [
        ("DropCheck", "iot.jobs.extra_n"), ("DropColumn", "iot.jobs.extra_n")]
    assert found(res) == [("JS361", "warning", "iot.jobs.extra_n"), ("JS363", "warning", "iot.jobs.extra_n")]


def test_changed_check_counts_violating_rows(project, generated, mysql_dsn):
    ddl = module_ddl(generated, "iot")
    ddl = re.sub(r",\n    CONSTRAINT jobs_target_check CHECK \(.*\)\n", "\n", ddl)
    apply_sql_mysql(mysql_dsn, ddl)
    apply_sql_mysql(mysql_dsn, "INSERT INTO tenants VALUES ('t1');"
                               "INSERT INTO jobs (job_id, tenant_id, document_type, target_all) VALUES "
                               "('j1','t1','x',0), ('j2','t1','x',1)")
    res = audit(mysql_dsn, "iot")
    assert found(res) == [("JS310", "error", "iot.jobs.jobs_target_check"),
                          ("JS380", "error", "iot.jobs.jobs_target_check")]
    (add,) = of(res, ch.AddCheck)
    assert add.path == "iot.jobs.jobs_target_check"
    (p,) = [p for p in res.probes if p.change is add]
    assert p.what == "check" and p.rows == 1  # j1 targets nothing


def test_column_type_null_default_drift(project, generated, mysql_dsn):
    ddl = module_ddl(generated, "deletion")
    ddl = ddl.replace("entity_pk varchar(64) NOT NULL", "entity_pk varchar(32) NOT NULL")
    ddl = ddl.replace("hard_delete tinyint(1) NOT NULL DEFAULT 0", "hard_delete tinyint(1) NOT NULL DEFAULT 1")
    ddl = ddl.replace("entity_table varchar(64) NOT NULL", "entity_table varchar(64) NULL")
    apply_sql_mysql(mysql_dsn, ddl)
    apply_sql_mysql(mysql_dsn, "INSERT INTO deletion_jobs (entity_table, entity_pk) VALUES (NULL, '1')")
    res = audit(mysql_dsn, "deletion")
    assert found(res) == [("JS303", "error", "deletion.deletion_jobs.entity_pk"),
                          ("JS304", "error", "deletion.deletion_jobs.entity_table"),
                          ("JS305", "warning", "deletion.deletion_jobs.hard_delete"),
                          ("JS380", "error", "deletion.deletion_jobs.entity_table")]
    cols = {c.path.rsplit(".", 1)[1]: c for c in of(res, ch.ModifyColumn)}
    assert set(cols) == {"entity_pk", "hard_delete", "entity_table"}
    assert cols["entity_pk"].kinds == {"type"} and cols["entity_pk"].live_type == "varchar(32)"
    assert cols["hard_delete"].kinds == {"default"}
    assert cols["entity_table"].kinds == {"null"}
    (nulls,) = [p for p in res.probes if p.change is cols["entity_table"]]
    assert nulls.what == "null" and nulls.rows == 1


def test_missing_table_and_unknown_table(project, generated, mysql_dsn):
    ddl = module_ddl(generated, "deletion")
    apply_sql_mysql(mysql_dsn, ddl)
    apply_sql_mysql(mysql_dsn, "DROP VIEW vw_deletion_jobs_status; CREATE TABLE stray (id int PRIMARY KEY)")
    res = audit(mysql_dsn, "deletion")
    assert sorted((type(c).__name__, c.path) for c in res.changes) == [
        ("AddView", "deletion.vw_deletion_jobs_status"), ("DropTable", "deletion.stray")]
    assert found(res) == [("JS340", "error", "deletion.vw_deletion_jobs_status"),
                          ("JS360", "warning", "deletion.stray")]


# ------------------------------------------------------------------ what the user chooses: module, namespace, severity

def test_module_is_chosen_from_the_tables_the_database_holds(generated, mysql_dsn):
    apply_sql_mysql(mysql_dsn, module_ddl(generated, "iot"))
    apply_sql_mysql(mysql_dsn, "ALTER TABLE jobs ADD COLUMN extra_n int NULL")
    res = audit(mysql_dsn)
    assert (res.module, res.namespace) == ("iot", "public")
    assert found(res) == [("JS361", "warning", "iot.jobs.extra_n")]
    # naming another module audits that one: every iot table is then unknown and deletion's are missing
    other = audit(mysql_dsn, "deletion", no_data=True)
    assert other.module == "deletion"
    assert {f.code for f in other.findings} == {"JS301", "JS340", "JS360"}
    assert sorted(f.path for f in other.findings if f.code == "JS301") == [
        f"deletion.{t.name}" for t in api.load(str(SCHEMA)).module("deletion").tables]


def test_database_without_module_tables_asks_for_module(mysql_dsn):
    apply_sql_mysql(mysql_dsn, "CREATE TABLE stray (id int PRIMARY KEY)")
    with pytest.raises(UsageError, match=r"holds no table of any module; pass --module"):
        audit(mysql_dsn)


def test_namespace_remap_lines_the_database_up_with_the_module(generated, mysql_dsn):
    """``--namespace`` relabels the module: the MySQL database plays that namespace, so a clean database
    stays clean and drift is reported under the same objects."""
    apply_sql_mysql(mysql_dsn, module_ddl(generated, "deletion"))
    res = audit(mysql_dsn, "deletion", namespace="app")
    assert (res.module, res.namespace) == ("deletion", "app")
    assert res.findings == [] and res.exit_code == 0
    assert {t.namespace for t in res.live.module.tables} == {"app"}
    apply_sql_mysql(mysql_dsn, "CREATE TABLE stray (id int PRIMARY KEY)")
    assert found(audit(mysql_dsn, "deletion", namespace="app")) == [("JS360", "warning", "deletion.stray")]


@pytest.mark.parametrize(("severity", "exit_code"), [("error", 1), ("warning", 1), ("info", 0)])
def test_unmanaged_severity_sets_unknown_objects_only(generated, mysql_dsn, mysql_server, severity, exit_code):
    from dbutil import temp_mysql_database

    unknown = "CREATE TABLE stray (id int PRIMARY KEY); ALTER TABLE deletion_jobs ADD COLUMN x int"
    ddl = module_ddl(generated, "deletion")
    apply_sql_mysql(mysql_dsn, ddl.replace("entity_pk varchar(64) NOT NULL", "entity_pk varchar(32) NOT NULL"))
    apply_sql_mysql(mysql_dsn, unknown)
    res = audit(mysql_dsn, "deletion", unmanaged_severity=severity)
    assert found(res) == [("JS303", "error", "deletion.deletion_jobs.entity_pk"),
                          ("JS360", severity, "deletion.stray"),
                          ("JS361", severity, "deletion.deletion_jobs.x")]
    assert res.exit_code == 1  # the changed column is drift whatever the unknown objects weigh
    with temp_mysql_database(mysql_server.dsn) as dsn:  # only unknown objects: the severity decides
        apply_sql_mysql(dsn, ddl)
        apply_sql_mysql(dsn, unknown)
        res = audit(dsn, "deletion", unmanaged_severity=severity)
    assert found(res) == [("JS360", severity, "deletion.stray"), ("JS361", severity, "deletion.deletion_jobs.x")]
    assert res.exit_code == exit_code


def test_each_audit_gets_its_own_hooks(generated, mysql_dsn, mysql_server):
    """The differ hooks are bound to one audit's modules and returned, never kept on the shared dialect:
    auditing one module does not change what an audit of another finds."""
    from dbutil import temp_mysql_database

    apply_sql_mysql(mysql_dsn, module_ddl(generated, "deletion"))
    with temp_mysql_database(mysql_server.dsn) as iot_dsn:
        apply_sql_mysql(iot_dsn, module_ddl(generated, "iot"))
        first = audit(mysql_dsn, "deletion")
        assert audit(iot_dsn, "iot").findings == []
        again = audit(mysql_dsn, "deletion")
    assert first.findings == again.findings == []
    d = base.get("mysql")
    assert d.hooks(first.desired, first.live) is not d.hooks(first.desired, first.live)
    assert not hasattr(d, "audit") and not hasattr(d, "driver")


# ------------------------------------------------------------------------------------------- safety

def test_audit_is_read_only_with_timeouts(mysql_dsn):
    """The session ``api.audit`` reads through (``Dialect.session``): read-only, timeouts set."""
    apply_sql_mysql(mysql_dsn, "CREATE TABLE kept (i int)")
    with base.get("mysql").session(mysql_dsn, 2500, 2000) as conn, conn.cursor() as cur:
        cur.execute("SELECT @@max_statement_time, @@lock_wait_timeout, @@innodb_lock_wait_timeout")
        stmt, lock, innodb = cur.fetchone()
        assert float(stmt) == 2.5 and int(lock) == 2 and int(innodb) == 2
        with pytest.raises(Exception) as info:
            cur.execute("INSERT INTO kept VALUES (1)")
        assert info.value.args[0] == 1792  # "Cannot execute statement in a READ ONLY transaction"
    check = connect_mysql(mysql_dsn)
    try:
        with check.cursor() as cur:
            cur.execute("SELECT COUNT(*) FROM kept")
            assert cur.fetchone()[0] == 0
    finally:
        check.close()


def test_connect_errors_are_one_line_without_password(mysql_dsn):
    from jobschema.dialects.mysql import session
    from jobschema.errors import ConnectError

    bad = re.sub(r"^mysql://([^@:/]+)(:[^@]*)?@", r"mysql://\1:s3cret-pw@", mysql_dsn)
    with pytest.raises(ConnectError) as info:
        session.connect(bad.rsplit("/", 1)[0] + "/no_such_db_x")
    assert "s3cret-pw" not in str(info.value) and "\n" not in str(info.value)
    with pytest.raises(ConnectError, match="names no database"):
        session.connect(mysql_dsn.rsplit("/", 1)[0] + "/")


# ----------------------------------------------------------------------------------------- query count

def _tables_ddl(n: int) -> str:
    out = []
    for i in range(n):
        out.append(f"CREATE TABLE t{i:03d} (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                   f"status enum('a','b') NOT NULL DEFAULT 'a', doc json NULL, n int NULL CHECK (n >= 0), "
                   f"parent_id bigint NULL, UNIQUE KEY uq_t{i:03d} (status, n), KEY ix_t{i:03d} (n))")
        if i:
            out.append(f"ALTER TABLE t{i:03d} ADD CONSTRAINT fk_t{i:03d} FOREIGN KEY (parent_id) "
                       f"REFERENCES t{i - 1:03d} (id)")
    out.append("CREATE VIEW v_all AS SELECT id FROM t000")
    return ";\n".join(out) + ";"


def _statements(dsn: str) -> tuple[int, int]:
    """(statements the inspection sent, tables seen), counted by the server itself ("Questions")."""
    db = dsn.rsplit("/", 1)[1]
    conn = connect_mysql(dsn)
    try:
        with conn.cursor() as cur:
            cur.execute("SHOW SESSION STATUS LIKE 'Questions'")
            before = int(cur.fetchone()[1])
        live = mysql_inspect.inspect(conn, db)
        with conn.cursor() as cur:
            cur.execute("SHOW SESSION STATUS LIKE 'Questions'")
            after = int(cur.fetchone()[1])
    finally:
        conn.close()
    assert live.catalog_queries == len(mysql_inspect.QUERY_NAMES) + len(live.module.tables)
    return after - before - 1, len(live.module.tables)


def test_query_count_fixed_plus_one_per_table_for_10_and_300_tables(mysql_server):
    """The fixed catalog queries, and one SHOW CREATE TABLE per table (key options no catalog table holds)."""
    from dbutil import temp_mysql_database

    for n in (10, 300):
        with temp_mysql_database(mysql_server.dsn) as dsn:
            apply_sql_mysql(dsn, _tables_ddl(n))
            sent, tables = _statements(dsn)
            assert tables == n
            assert sent == len(mysql_inspect.QUERY_NAMES) + n


def test_inspector_reads_what_the_server_says(project, generated, mysql_dsn):
    apply_sql_mysql(mysql_dsn, module_ddl(generated, "deletion"))
    conn = connect_mysql(mysql_dsn)
    try:
        live = mysql_inspect.inspect(conn, mysql_dsn.rsplit("/", 1)[1], "deletion")
    finally:
        conn.close()
    t = live.module.table("deletion_jobs")
    status = t.column("status")
    assert status.enum == STATES and status.type == "text" and status.type_override("mysql").startswith("enum(")
    assert t.column("id").identity == "by default" and t.column("hard_delete").type == "boolean"
    assert t.column("created_at").type == "timestamptz(6)"
    assert [fk.on_delete for fk in t.foreign_keys] == ["set null"]
    v = live.module.view("vw_deletion_jobs")
    assert (v.algorithm, v.security) == ("MERGE", "INVOKER")



# ------------------------------------------------------------------------------------------------ CLI

def _cli(*args: str):
    from click.testing import CliRunner

    from jobschema.cli import main

    return CliRunner().invoke(main, ["audit", "--schema", str(SCHEMA), *args], catch_exceptions=False)


def test_cli_enum_missing_value_exit_1(generated, mysql_dsn):
    ddl = module_ddl(generated, "deletion").replace(_enum(STATES), _enum(STATES[:-1]))
    apply_sql_mysql(mysql_dsn, ddl)
    rows = ",".join(f"('t', '{i}', '{s}')" for i, s in enumerate(STATES[:-1]))
    apply_sql_mysql(mysql_dsn, f"INSERT INTO deletion_jobs (entity_table, entity_pk, status) VALUES {rows}")
    res = _cli("--dsn", mysql_dsn, "--format", "json")
    assert res.exit_code == 1, res.output
    import json

    out = json.loads(res.output)
    assert out["dialect"] == "mysql" and out["module"] == "deletion"
    (f,) = [f for f in out["findings"] if f["severity"] != "info"]
    assert f["code"] == "JS303" and f["data"]["missing"] == ["cancelled"] and "'cancelled'" in f["message"]
    assert not any(f["code"] == "JS380" for f in out["findings"])


def test_cli_enum_extra_value_reports_two_rows(generated, mysql_dsn):
    ddl = module_ddl(generated, "deletion").replace(_enum(STATES), _enum(STATES + ("paused",)))
    apply_sql_mysql(mysql_dsn, ddl)
    apply_sql_mysql(mysql_dsn, "INSERT INTO deletion_jobs (entity_table, entity_pk, status) VALUES "
                               "('t','1','paused'), ('t','2','paused'), ('t','3','done')")
    res = _cli("--dsn", mysql_dsn)
    assert res.exit_code == 1, res.output
    assert "paused" in res.output and "2 rows" in res.output


def test_cli_clean_and_errors(generated, mysql_dsn):
    apply_sql_mysql(mysql_dsn, module_ddl(generated, "deletion"))
    res = _cli("--dsn", mysql_dsn)
    assert res.exit_code == 0, res.output
    bad = mysql_dsn.replace("mysql://root@", "mysql://root:wrong-pw@")
    res = _cli("--dsn", bad)
    assert res.exit_code == 2 and "wrong-pw" not in res.output


def test_partitioned_table_is_listed_as_unmanaged(generated, mysql_dsn):
    """Partitioning is a table property the schema format cannot describe: listed (JS370) with the clause that
    creates it, never in sync."""
    apply_sql_mysql(mysql_dsn, module_ddl(generated, "deletion") + "\n"
                    "CREATE TABLE scratch (id INT PRIMARY KEY) PARTITION BY KEY (id) PARTITIONS 2;\n"
                    "CREATE TABLE events (id INT, d DATE) PARTITION BY RANGE (YEAR(d)) "
                    "(PARTITION p2024 VALUES LESS THAN (2025), PARTITION pmax VALUES LESS THAN MAXVALUE);\n")
    res = api.audit(mysql_dsn, str(SCHEMA), module="deletion")
    listed = sorted((f.code, f.path, f.data.get("kind"), f.actual) for f in res.findings if f.code == "JS370")
    assert listed == [("JS370", "deletion.events", "partitioning", "PARTITION BY RANGE (year(`d`)) (PARTITION p2024 "
                       "VALUES LESS THAN (2025), PARTITION pmax VALUES LESS THAN MAXVALUE)"),
                      ("JS370", "deletion.scratch", "partitioning", "PARTITION BY KEY (`id`) PARTITIONS 2")], \
        [f.to_dict() for f in res.findings]
    assert res.exit_code == 1


def test_spelled_no_action_is_inspected_and_audits_clean(mysql_dsn, tmp_path):
    """MariaDB stores ON UPDATE NO ACTION apart from a rule left out (RESTRICT): inspect writes which rules were
    spelled, its module audits clean, and a schema that leaves the rule out is told the key differs."""
    apply_sql_mysql(mysql_dsn, "CREATE TABLE owners (id int PRIMARY KEY);\n"
                               "CREATE TABLE pets (id int PRIMARY KEY, owner_id int, vet_id int,\n"
                               "  CONSTRAINT pets_owner FOREIGN KEY (owner_id) REFERENCES owners (id) "
                               "ON UPDATE NO ACTION,\n"
                               "  CONSTRAINT pets_vet FOREIGN KEY (vet_id) REFERENCES owners (id) ON DELETE RESTRICT);\n")
    api.inspect_db(mysql_dsn, "zoo", str(tmp_path / "inspected"))
    text = (tmp_path / "inspected" / "zoo" / "tables" / "pets.yaml").read_text()
    assert text.count("no_action_spelled") == 1 and "no_action_spelled: [on_update]" in text, text
    assert "restrict" not in text  # MariaDB's default: the model's "no action"
    assert api.audit(mysql_dsn, str(tmp_path / "inspected"), module="zoo").findings == []
    path = tmp_path / "inspected" / "zoo" / "tables" / "pets.yaml"
    path.write_text(text.replace(", no_action_spelled: [on_update]", "").replace("no_action_spelled: [on_update]", ""))
    res = api.audit(mysql_dsn, str(tmp_path / "inspected"), module="zoo")
    assert [f.path for f in res.findings] == ["zoo.pets.pets_owner"], [f.to_dict() for f in res.findings]
