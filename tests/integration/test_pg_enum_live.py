"""PostgreSQL native enum types against a real server: generated, inspected, audited and fixed.

The schema used is the shipped one with ``batch_jobs.status`` carried by a native type
(``enum_type: batch_job_status``) instead of text + CHECK; everything else is as shipped.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner
from dbutil import apply_sql_pg, temp_pg_database

from jobschema import api
from jobschema.cli import main

REPO = Path(__file__).resolve().parents[2]
SCHEMA = REPO / "schema"
LABELS = ("queued", "processing", "paused", "completed", "failed", "cancelled")


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def native_schema(tmp_path: Path) -> str:
    """The shipped schema with batch_jobs.status as a native enum type."""
    root = tmp_path / "native"
    shutil.copytree(SCHEMA, root)
    path = root / "batch" / "tables" / "batch_jobs.yaml"
    text = path.read_text()
    assert "    enum_check_name: batch_jobs_status_check\n" in text
    path.write_text(text.replace("    enum_check_name: batch_jobs_status_check\n", "    enum_type: batch_job_status\n"))
    return str(root)


def apply_generated(dsn: str, schema: str, module: str = "batch") -> None:
    files = api.render_project(api.load(schema), module, "postgres").files
    for path in sorted(files):
        apply_sql_pg(dsn, files[path])


def labels(conn, type_name: str = "batch_job_status") -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = %s "
        "ORDER BY e.enumsortorder", (type_name,)).fetchall()]


def audit(dsn: str, schema: str, **kw):
    return api.audit(dsn, schema, module="batch", **kw)


def status_findings(result) -> list:
    return [f for f in result.findings if f.path.startswith("batch.batch_jobs")]


# ------------------------------------------------------------------------------------- round trip

def test_generated_native_enum_applies_audits_clean_and_inspects_back(pg_dsn, pg_conn, tmp_path):
    schema = native_schema(tmp_path)
    apply_generated(pg_dsn, schema)
    assert labels(pg_conn) == list(LABELS)
    assert pg_conn.execute("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = "
                           "'batch_jobs'::regclass AND attname = 'status'").fetchone() == ("batch_job_status",)
    assert pg_conn.execute("SELECT count(*) FROM pg_constraint WHERE conname = 'batch_jobs_status_check'"
                           ).fetchone() == (0,)
    result = audit(pg_dsn, schema)
    assert not result.drift, [f.message for f in result.findings]
    api.inspect_db(pg_dsn, "batch", str(tmp_path / "inspected"))
    text = (tmp_path / "inspected" / "batch" / "tables" / "batch_jobs.yaml").read_text()
    assert "enum: [queued, processing, paused, completed, failed, cancelled]" in text
    assert "enum_type: batch_job_status" in text and "default: queued" in text
    # the type is the column's, not an unmanaged object; the inspected module audits clean as well
    assert not audit(pg_dsn, str(tmp_path / "inspected")).drift


# ----------------------------------------------------------------------------------------- audit

def test_audit_names_missing_and_extra_labels_and_counts_rows_per_label(pg_dsn, pg_conn, tmp_path):
    schema = native_schema(tmp_path)
    apply_generated(pg_dsn, schema)
    pg_conn.execute("ALTER TYPE batch_job_status ADD VALUE 'archived'")
    pg_conn.execute("ALTER TYPE batch_job_status RENAME VALUE 'paused' TO 'on hold'")
    pg_conn.execute("INSERT INTO batch_jobs (name, job_type, status) VALUES ('a', 'g', 'archived'), "
                    "('b', 'g', 'archived'), ('c', 'g', 'on hold'), ('d', 'g', 'queued')")
    result = audit(pg_dsn, schema)
    assert result.drift
    (typ,) = [f for f in status_findings(result) if f.code == "JS303"]
    assert typ.data["missing"] == ["paused"] and typ.data["extra"] == ["on hold", "archived"]
    assert "lacks 'paused'" in typ.message and "also allows 'on hold', 'archived'" in typ.message
    (rows,) = [f for f in status_findings(result) if f.data.get("kind") == "value"]
    assert rows.data["rows"] == 3
    assert {(v["value"], v["rows"]) for v in rows.data["values"]} == {("archived", 2), ("on hold", 1)}


def test_audit_reports_labels_in_another_order(pg_dsn, pg_conn, tmp_path):
    schema = native_schema(tmp_path)
    apply_generated(pg_dsn, schema)
    pg_conn.execute("ALTER TYPE batch_job_status RENAME TO old_status;"
                    "CREATE TYPE batch_job_status AS ENUM "
                    "('processing', 'queued', 'paused', 'completed', 'failed', 'cancelled');"
                    "ALTER TABLE batch_jobs ALTER COLUMN status DROP DEFAULT;"
                    "ALTER TABLE batch_jobs ALTER COLUMN status TYPE batch_job_status USING status::text::batch_job_status;"
                    "ALTER TABLE batch_jobs ALTER COLUMN status SET DEFAULT 'queued';"
                    "DROP TYPE old_status;")
    (typ,) = [f for f in status_findings(audit(pg_dsn, schema)) if f.code == "JS303"]
    assert typ.data["missing"] == [] and typ.data["extra"] == []
    assert "orders its labels 'processing', 'queued'" in typ.message, typ.message


def test_text_with_check_and_native_enum_differ_both_ways(pg_dsn, pg_conn, tmp_path):
    native = native_schema(tmp_path)
    apply_generated(pg_dsn, str(SCHEMA))  # text + CHECK live, native type desired
    pg_conn.execute("INSERT INTO batch_jobs (name, job_type, status) VALUES ('a', 'g', 'queued')")
    found = status_findings(audit(pg_dsn, native))
    (typ,) = [f for f in found if f.code == "JS303"]
    assert "is text" in typ.message and "native enum type batch_job_status" in typ.message
    assert any("batch_jobs_status_check" in f.message for f in found if f.code != "JS303")  # the CHECK is extra
    assert not [f for f in found if f.data.get("kind") == "value"]  # every row holds a schema label

    with temp_pg_database(pg_dsn) as dsn:  # native type live, text + CHECK desired
        apply_generated(dsn, native)
        found = status_findings(audit(dsn, str(SCHEMA)))
        (typ,) = [f for f in found if f.code == "JS303"]
        assert "has native enum type batch_job_status" in typ.message and "enum CHECK" in typ.message
        assert any(f.code == "JS310" and "batch_jobs_status_check" in f.message for f in found)
