"""PostgreSQL audit: what the schema cannot describe is listed (extensions, unknown triggers and functions),
renamed indexes are a lower-severity finding, NOT NULL and FK violations are counted, and the CLI's
``--no-data``, ``--namespace`` and ``JOBSCHEMA_DSN`` do what they say."""

from __future__ import annotations

import json
import os

from click.testing import CliRunner
from dbutil import apply_sql_pg

from jobschema import api
from jobschema.cli import main

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCHEMA = os.path.join(ROOT, "schema")
RENDERED = api.render_project(api.load(SCHEMA), dialect="postgres")


def ddl(module: str) -> str:
    prefix = f"{module}/postgres/"
    return "\n".join(RENDERED.files[p] for p in sorted(RENDERED.files) if p.startswith(prefix))


def run_cli(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, ["audit", "--schema", SCHEMA, *args], env=env or {}, catch_exceptions=False)


def by_path(result) -> dict[str, list]:
    out: dict[str, list] = {}
    for f in result.findings:
        out.setdefault(f.path, []).append(f)
    return out


def test_extension_unknown_trigger_and_function_are_listed(pg_dsn):
    apply_sql_pg(pg_dsn, ddl("batch"))
    apply_sql_pg(pg_dsn, """
        CREATE EXTENSION pg_trgm;
        CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER touch_jobs BEFORE UPDATE ON batch_jobs FOR EACH ROW EXECUTE FUNCTION touch();
    """)
    res = api.audit(pg_dsn, SCHEMA, module="batch")
    got = {(f.code, f.path): f for f in res.findings}
    assert set(got) == {("JS370", "batch.extension.pg_trgm"), ("JS368", "batch.batch_jobs.touch_jobs"),
                        ("JS367", "batch.touch")}, [(f.code, f.path) for f in res.findings]
    ext = got[("JS370", "batch.extension.pg_trgm")]
    assert ext.data["kind"] == "extension" and "not managed" in ext.message
    assert "public.touch" in got[("JS368", "batch.batch_jobs.touch_jobs")].actual
    assert res.exit_code == 1  # unmanaged objects are never "in sync"
    quiet = api.audit(pg_dsn, SCHEMA, module="batch", unmanaged_severity="info")
    assert {f.severity.value for f in quiet.findings} == {"info"} and quiet.exit_code == 0
    assert len(quiet.findings) == 3  # still listed, only at the chosen severity


def test_renamed_index_is_a_warning(pg_dsn):
    apply_sql_pg(pg_dsn, ddl("iot") + "ALTER INDEX idx_jobs_expires_at RENAME TO jobs_expiry_idx;")
    res = api.audit(pg_dsn, SCHEMA, module="iot")
    (f,) = res.findings
    assert (f.code, f.severity.value, f.path) == ("JS314", "warning", "iot.jobs.idx_jobs_expires_at")
    assert f.actual == "jobs_expiry_idx" and res.exit_code == 1  # names are schema: never "in sync"


def test_renamed_index_with_other_predicate_is_not_a_rename(pg_dsn):
    apply_sql_pg(pg_dsn, ddl("iot") + "DROP INDEX idx_jobs_expires_at; "
                 "CREATE INDEX jobs_expiry_idx ON jobs (expires_at) WHERE expires_at IS NOT NULL;")
    got = {(f.code, f.path) for f in api.audit(pg_dsn, SCHEMA, module="iot").findings}
    assert ("JS320", "iot.jobs.idx_jobs_expires_at") in got and ("JS362", "iot.jobs.jobs_expiry_idx") in got
    assert not any(code == "JS314" for code, _ in got)


def test_not_null_and_foreign_key_violations_are_counted(pg_dsn):
    apply_sql_pg(pg_dsn, ddl("batch"))
    apply_sql_pg(pg_dsn, """
        ALTER TABLE batch_items ALTER COLUMN topic DROP NOT NULL;
        ALTER TABLE batch_items DROP CONSTRAINT batch_items_batch_job_id_fkey;
        INSERT INTO batch_jobs (id, name, job_type) VALUES ('00000000-0000-0000-0000-000000000001', 'a', 'x');
        INSERT INTO batch_items (batch_job_id, position, topic) VALUES
            ('00000000-0000-0000-0000-000000000001', 1, NULL),
            ('00000000-0000-0000-0000-000000000001', 2, 'ok'),
            ('00000000-0000-0000-0000-000000000009', 1, 'orphan'),
            ('00000000-0000-0000-0000-000000000008', 1, 'orphan');
    """)
    res = api.audit(pg_dsn, SCHEMA, module="batch")
    counts = {f.path: f for f in res.findings if f.code == "JS380"}
    assert set(counts) == {"batch.batch_items.topic", "batch.batch_items.batch_items_batch_job_id_fkey"}
    nulls, orphans = counts["batch.batch_items.topic"], counts["batch.batch_items.batch_items_batch_job_id_fkey"]
    assert nulls.data["rows"] == 1 and nulls.message == "1 row holds NULL (topic)"
    assert orphans.data["rows"] == 2
    assert orphans.message == "2 rows reference a missing row (batch_items_batch_job_id_fkey)"


def test_cli_no_data_skips_counts_and_says_so(pg_dsn):
    apply_sql_pg(pg_dsn, ddl("deletion") + """
        ALTER TABLE deletion_jobs DROP CONSTRAINT uq_deletion_jobs;
        INSERT INTO deletion_jobs (entity_table, entity_pk) VALUES ('t', '1'), ('t', '1');
    """)
    with_data = json.loads(run_cli("--dsn", pg_dsn, "--format", "json").output)
    assert with_data["data_checked"] is True and any(f["code"] == "JS380" for f in with_data["findings"])
    res = run_cli("--dsn", pg_dsn, "--format", "json", "--no-data")
    assert res.exit_code == 1, res.output
    doc = json.loads(res.output)
    assert doc["data_checked"] is False
    assert [f["code"] for f in doc["findings"]] == ["JS316"]
    text = run_cli("--dsn", pg_dsn, "--no-data")
    assert "row counts skipped (--no-data)" in text.output.splitlines()[-1]


def test_cli_namespace_selects_the_schema_audited(pg_dsn):
    apply_sql_pg(pg_dsn, "CREATE SCHEMA ops; SET search_path TO ops;\n" + ddl("deletion"))
    res = run_cli("--dsn", pg_dsn, "--module", "deletion", "--namespace", "ops", "--format", "json")
    assert res.exit_code == 0, res.output
    doc = json.loads(res.output)
    assert (doc["namespace"], doc["findings"]) == ("ops", [])
    public = run_cli("--dsn", pg_dsn, "--module", "deletion", "--format", "json")
    assert public.exit_code == 1
    missing = {f["path"] for f in json.loads(public.output)["findings"] if f["code"] == "JS301"}
    assert missing == {"deletion.deletion_jobs", "deletion.users"}


def test_dsn_from_jobschema_dsn(pg_dsn):
    apply_sql_pg(pg_dsn, ddl("iot") + "ALTER TABLE jobs ALTER COLUMN created_by SET NOT NULL;")
    res = run_cli("--format", "json", env={"JOBSCHEMA_DSN": pg_dsn, "PGHOST": "no-such-host.invalid"})
    assert res.exit_code == 1, res.output
    doc = json.loads(res.output)
    assert [(f["code"], f["path"]) for f in doc["findings"]] == [("JS304", "iot.jobs.created_by")]


TABLE_PROPERTIES = """
CREATE TABLE events (id int, d date) PARTITION BY RANGE (d);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE UNLOGGED TABLE scratch (id int);
CREATE TABLE scratch_child (x int) INHERITS (scratch);
"""
PROPERTY_NOTES = {
    "partitioning events": "PARTITION BY RANGE (d)",
    "partition events_2024": "PARTITION OF public.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
    "table inheritance scratch_child": "INHERITS (public.scratch)",
    "unlogged table scratch": "UNLOGGED",
}


def test_table_properties_the_schema_cannot_describe_are_listed(pg_dsn):
    apply_sql_pg(pg_dsn, ddl("deletion") + TABLE_PROPERTIES)
    res = api.audit(pg_dsn, SCHEMA, module="deletion")
    unmanaged = {f"{f.data['kind']} {f.path.rsplit('.', 1)[1]}": f.actual for f in res.findings if f.code == "JS370"}
    assert unmanaged == PROPERTY_NOTES
    assert res.exit_code == 1


def test_inspect_lists_table_properties_it_cannot_write(pg_dsn, tmp_path):
    apply_sql_pg(pg_dsn, ddl("deletion") + TABLE_PROPERTIES)
    res = CliRunner().invoke(main, ["inspect", "--dsn", pg_dsn, "--module", "deletion", "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert "not managed by jobschema, left in the database, recorded under unmanaged: in module.yaml for audit to compare (4):" in res.output
    for what, detail in PROPERTY_NOTES.items():
        assert f"{what} is not managed by jobschema: {detail}" in res.output
    assert (tmp_path / "deletion" / "tables" / "events.yaml").exists()
    assert not (tmp_path / "deletion" / "tables" / "events_2024.yaml").exists()  # a partition is not a table


def test_module_in_its_own_namespace_audits_clean_without_module_flag(pg_dsn, tmp_path):
    """Without --module the audit picks the module after reading the catalog; its views must still be read
    with the module's namespace on the search path, or the server prints them qualified and they drift."""
    import shutil

    root = tmp_path / "schema"
    shutil.copytree(os.path.join(SCHEMA, "deletion"), root / "deletion")
    meta = root / "deletion" / "module.yaml"
    meta.write_text(meta.read_text().replace("namespace: public", "namespace: ops"))
    files = api.render_project(api.load(str(root)), dialect="postgres").files
    apply_sql_pg(pg_dsn, "\n".join(files[p] for p in sorted(files)))
    res = CliRunner().invoke(main, ["audit", "--schema", str(root), "--dsn", pg_dsn, "--format", "json"],
                             catch_exceptions=False)
    doc = json.loads(res.output)
    assert (res.exit_code, doc["module"], doc["namespace"], doc["findings"]) == (0, "deletion", "ops", [])


def test_fix_migration_of_a_module_in_its_own_namespace_applies(pg_dsn, tmp_path):
    """A missing view of a module outside ``public`` names its tables unqualified: the fix migration puts the
    namespace on the search path, and resets it at its end."""
    import shutil

    root = tmp_path / "schema"
    shutil.copytree(os.path.join(SCHEMA, "deletion"), root / "deletion")
    meta = root / "deletion" / "module.yaml"
    meta.write_text(meta.read_text().replace("namespace: public", "namespace: ops"))
    files = api.render_project(api.load(str(root)), dialect="postgres").files
    apply_sql_pg(pg_dsn, "\n".join(files[p] for p in sorted(files)) + "\nDROP VIEW ops.vw_deletion_jobs_status;")
    folder = tmp_path / "migrations" / "deletion" / "postgres"
    base = ["--schema", str(root), "--dsn", pg_dsn, "--module", "deletion"]
    res = CliRunner().invoke(main, ["audit", *base, "--write-migration", "--dir", str(folder)],
                             catch_exceptions=False)
    assert res.exit_code == 1 and "wrote" in res.output, res.output
    (path,) = sorted(folder.glob("*.sql"))
    text = path.read_text()
    assert text.index("SET search_path TO ops, public;") < text.index("CREATE VIEW ops.vw_deletion_jobs_status")
    assert text.rstrip().endswith("RESET search_path;"), text
    res = CliRunner().invoke(main, ["migrate", "--dsn", pg_dsn, "--dir", str(folder)], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    res = CliRunner().invoke(main, ["audit", *base], catch_exceptions=False)
    assert res.exit_code == 0, res.output
