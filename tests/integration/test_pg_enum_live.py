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


# ----------------------------------------------------------------------------------------- fixes

def fix(dsn: str, schema: str, folder: Path, module: str = "batch", *flags: str) -> str:
    """audit --write-migration, migrate, and the audit after it: returns the migration file's text."""
    folder = folder / module / "postgres"  # migrations/<module>/<dialect>, as the history names them
    before = sorted(folder.glob("*.sql")) if folder.exists() else []
    code, out = cli("audit", "--dsn", dsn, "--schema", schema, "--module", module, "--write-migration",
                    "--dir", str(folder), *flags)
    assert code == 1 and "wrote" in out, out
    (path,) = [p for p in sorted(folder.glob("*.sql")) if p not in before]
    code, out = cli("migrate", "--dsn", dsn, "--dir", str(folder))
    assert code == 0, out + path.read_text()
    code, out = cli("audit", "--dsn", dsn, "--schema", schema, "--module", module)
    assert code == 0, out + path.read_text()
    return path.read_text()


SEED_NATIVE = """
ALTER TABLE batch_jobs ALTER COLUMN status DROP DEFAULT;
ALTER TYPE batch_job_status RENAME TO batch_job_status_2024;
CREATE TYPE batch_job_status AS ENUM ('pending', 'running', 'completed', 'failed', 'cancelled');
ALTER TABLE batch_jobs ALTER COLUMN status TYPE batch_job_status USING 'pending';
DROP TYPE batch_job_status_2024;
ALTER TABLE batch_jobs ALTER COLUMN status SET DEFAULT 'pending';
INSERT INTO batch_jobs (name, job_type, status) VALUES ('a', 'gen', 'pending'), ('b', 'gen', 'pending'),
    ('c', 'gen', 'running'), ('d', 'gen', 'completed');
"""
SEED_ROWS = [("a", "queued"), ("b", "queued"), ("c", "processing"), ("d", "completed")]


def test_seed_incident_on_a_native_enum_renames_labels_and_adds_the_new_one(pg_dsn, pg_conn, tmp_path):
    schema = native_schema(tmp_path)
    apply_generated(pg_dsn, schema)
    pg_conn.execute(SEED_NATIVE)
    text = fix(pg_dsn, schema, tmp_path / "mig")
    order = [text.index(s) for s in (
        "ALTER TYPE batch_job_status RENAME VALUE 'pending' TO 'queued';",
        "ALTER TYPE batch_job_status RENAME VALUE 'running' TO 'processing';",
        "ALTER TYPE batch_job_status ADD VALUE 'paused' AFTER 'processing';",
        "ALTER COLUMN status SET DEFAULT 'queued';")]
    assert order == sorted(order), text
    assert "UPDATE" not in text and "CHECK" not in text  # the rows follow the renamed labels
    assert pg_conn.execute("SELECT name, status::text FROM batch_jobs ORDER BY name").fetchall() == SEED_ROWS
    assert labels(pg_conn) == list(LABELS)


def test_seed_incident_from_text_and_check_to_a_native_enum(pg_dsn, pg_conn, tmp_path):
    apply_generated(pg_dsn, str(SCHEMA))
    pg_conn.execute("""
        ALTER TABLE batch_jobs DROP CONSTRAINT batch_jobs_status_check;
        ALTER TABLE batch_jobs ADD CONSTRAINT chk_bj_status_2024
            CHECK (status IN ('pending', 'running', 'completed', 'failed', 'cancelled'));
        ALTER TABLE batch_jobs ALTER COLUMN status SET DEFAULT 'pending';
        INSERT INTO batch_jobs (name, job_type, status) VALUES ('a', 'gen', 'pending'), ('b', 'gen', 'pending'),
            ('c', 'gen', 'running'), ('d', 'gen', 'completed');""")
    schema = native_schema(tmp_path)
    text = fix(pg_dsn, schema, tmp_path / "mig")
    order = [text.index(s) for s in (
        "CREATE TYPE batch_job_status AS ENUM", "DROP CONSTRAINT chk_bj_status_2024;",
        "ALTER COLUMN status DROP DEFAULT;",
        "TYPE batch_job_status USING (CASE status::text WHEN 'pending' THEN 'queued' WHEN 'running' THEN "
        "'processing' ELSE status::text END)::batch_job_status;",
        "ALTER COLUMN status SET DEFAULT 'queued';")]
    assert order == sorted(order), text
    assert "left out" not in text  # the old CHECK is dropped by the conversion, not left for --allow-destructive
    assert pg_conn.execute("SELECT name, status::text FROM batch_jobs ORDER BY name").fetchall() == SEED_ROWS
    assert labels(pg_conn) == list(LABELS)
    assert pg_conn.execute("SELECT count(*) FROM pg_constraint WHERE conrelid = 'batch_jobs'::regclass AND "
                           "contype = 'c' AND pg_get_constraintdef(oid) LIKE '%status%'").fetchone() == (0,)


def test_native_enum_back_to_text_and_check(pg_dsn, pg_conn, tmp_path):
    apply_generated(pg_dsn, native_schema(tmp_path))
    pg_conn.execute(SEED_NATIVE)
    text = fix(pg_dsn, str(SCHEMA), tmp_path / "mig")
    # the new CHECK goes on NOT VALID before the legacy rows are rewritten, so rows written meanwhile obey it
    order = [text.index(s) for s in (
        "ALTER COLUMN status TYPE text USING status::text;",
        "ADD CONSTRAINT batch_jobs_status_check CHECK",
        "UPDATE batch_jobs SET status = 'queued' WHERE status = 'pending';",
        "DROP TYPE batch_job_status;",
        "VALIDATE CONSTRAINT batch_jobs_status_check")]
    assert order == sorted(order), text
    assert pg_conn.execute("SELECT name, status FROM batch_jobs ORDER BY name").fetchall() == SEED_ROWS
    assert pg_conn.execute("SELECT count(*) FROM pg_type WHERE typname = 'batch_job_status'").fetchone() == (0,)


def test_unmapped_labels_refuse_the_plan_before_writing(pg_dsn, pg_conn, tmp_path):
    schema = native_schema(tmp_path)
    apply_generated(pg_dsn, schema)
    pg_conn.execute("ALTER TYPE batch_job_status ADD VALUE 'archived'")
    pg_conn.execute("INSERT INTO batch_jobs (name, job_type, status) VALUES ('a', 'g', 'archived'), ('b', 'g', 'failed')")
    folder = tmp_path / "mig"
    code, out = cli("audit", "--dsn", pg_dsn, "--schema", schema, "--module", "batch", "--write-migration",
                    "--dir", str(folder / "batch" / "postgres"))
    assert code == 2, out
    assert "1 row(s) with status = 'archived'" in out and "not mapped by legacy_values" in out
    assert not list(folder.rglob("*.sql"))
    # mapped, the label goes: a new type, the rows converted through the mapping, the old type dropped
    path = Path(schema) / "batch" / "tables" / "batch_jobs.yaml"
    path.write_text(path.read_text().replace("{pending: queued, running: processing}",
                                             "{pending: queued, running: processing, archived: cancelled}"))
    text = fix(pg_dsn, schema, folder)
    assert "ALTER TYPE batch_job_status RENAME TO batch_job_status_jobschema_old;" in text
    assert "WHEN 'archived' THEN 'cancelled'" in text
    assert pg_conn.execute("SELECT name, status::text FROM batch_jobs ORDER BY name").fetchall() == [
        ("a", "cancelled"), ("b", "failed")]
    assert labels(pg_conn) == list(LABELS)
    assert pg_conn.execute("SELECT count(*) FROM pg_type WHERE typname LIKE '%jobschema_old'").fetchone() == (0,)


SHOP_MODULE = "module: shop\ndialects: [postgres]\n"
SHOP_ORDERS = """\
table: orders
columns:
  - {name: id, type: integer}
  - {name: state, type: text, nullable: false, default: @default_state@, enum: @states@, enum_type: order_state}
  - {name: tags, type: 'text[]', enum: @tags@, enum_type: '"Shop Tag"', legacy_values: @legacy_tags@}
primary_key: [id]
"""
SHOP_EVENTS = """\
table: order_events
columns:
  - {name: id, type: integer}
  - {name: state, type: text, enum: @states@, enum_type: order_state, legacy_values: @legacy_states@}
primary_key: [id]
"""


def shop(tmp_path: Path, name: str, states: str, tags: str, default: str = "new", legacy_states: str = "{}",
         legacy_tags: str = "{}") -> str:
    root = tmp_path / name
    (root / "shop" / "tables").mkdir(parents=True)
    (root / "shop" / "module.yaml").write_text(SHOP_MODULE)
    subst = {"@states@": states, "@tags@": tags, "@default_state@": default, "@legacy_states@": legacy_states,
             "@legacy_tags@": legacy_tags}
    for fname, text in (("orders", SHOP_ORDERS), ("order_events", SHOP_EVENTS)):
        for k, v in subst.items():
            text = text.replace(k, v)
        (root / "shop" / "tables" / f"{fname}.yaml").write_text(text)
    return str(root)


def shop_rows(conn) -> list:
    return conn.execute("SELECT o.id, o.state::text, o.tags::text[], e.state::text FROM orders o "
                        "JOIN order_events e ON e.id = o.id ORDER BY o.id").fetchall()


def test_shared_type_and_arrays_add_reorder_and_remove_labels(pg_dsn, pg_conn, tmp_path):
    v1 = shop(tmp_path, "v1", "[new, shipped]", "[a, b]")
    apply_generated(pg_dsn, v1, "shop")
    assert not api.audit(pg_dsn, v1, module="shop").drift
    pg_conn.execute("INSERT INTO orders VALUES (1, 'new', '{a,b}'), (2, 'shipped', '{b}'), (3, 'new', NULL);"
                    "INSERT INTO order_events VALUES (1, 'new'), (2, 'shipped'), (3, NULL);")

    # a label added in the middle, and the default set to it: ADD VALUE committed before the default uses it
    v2 = shop(tmp_path, "v2", "[new, paid, shipped]", "[a, b]", default="paid")
    text = fix(pg_dsn, v2, tmp_path / "mig", "shop")
    assert text.count("ALTER TYPE order_state ADD VALUE 'paid' AFTER 'new';") == 1  # one type, two columns
    assert text.startswith("-- jobschema:no-transaction") and "CREATE TYPE" not in text
    assert labels(pg_conn, "order_state") == ["new", "paid", "shipped"]

    # reordered: a new type, both tables converted, defaults dropped and set again
    v3 = shop(tmp_path, "v3", "[shipped, paid, new]", "[a, b]", default="paid")
    text = fix(pg_dsn, v3, tmp_path / "mig", "shop")
    assert text.count("CREATE TYPE order_state AS ENUM ('shipped', 'paid', 'new');") == 1
    assert "ALTER TABLE orders ALTER COLUMN state DROP DEFAULT;" in text
    assert "ALTER TABLE order_events ALTER COLUMN state TYPE order_state USING" in text
    assert labels(pg_conn, "order_state") == ["shipped", "paid", "new"]
    assert shop_rows(pg_conn) == [(1, "new", ["a", "b"], "new"), (2, "shipped", ["b"], "shipped"),
                                  (3, "new", None, None)]

    # labels removed through legacy mappings, in a plain column and in an array
    v4 = shop(tmp_path, "v4", "[paid, new]", "[b]", default="paid", legacy_states="{shipped: paid}",
              legacy_tags="{a: b}")
    v4_orders = Path(v4) / "shop" / "tables" / "orders.yaml"
    v4_orders.write_text(v4_orders.read_text().replace("enum_type: order_state}",
                                                       "enum_type: order_state, legacy_values: {shipped: paid}}"))
    text = fix(pg_dsn, v4, tmp_path / "mig", "shop")
    assert 'array_replace(tags::text[], \'a\', \'b\')' in text
    assert labels(pg_conn, "order_state") == ["paid", "new"] and labels(pg_conn, "Shop Tag") == ["b"]
    assert shop_rows(pg_conn) == [(1, "new", ["b", "b"], "new"), (2, "paid", ["b"], "paid"), (3, "new", None, None)]


def test_missing_tables_and_columns_get_their_types_created_once(pg_dsn, pg_conn, tmp_path):
    v1 = shop(tmp_path, "v1", "[new, shipped]", "[a, b]")
    apply_generated(pg_dsn, v1, "shop")
    pg_conn.execute('DROP TABLE order_events; ALTER TABLE orders DROP COLUMN tags; DROP TYPE "Shop Tag";'
                    "INSERT INTO orders VALUES (1, 'shipped')")
    text = fix(pg_dsn, v1, tmp_path / "mig", "shop")
    assert text.count('CREATE TYPE "Shop Tag" AS ENUM') == 1 and "CREATE TYPE order_state" in text
    assert text.index('CREATE TYPE "Shop Tag"') < text.index("ADD COLUMN tags")
    assert labels(pg_conn, "Shop Tag") == ["a", "b"]
    assert pg_conn.execute("SELECT state::text FROM orders").fetchall() == [("shipped",)]


def test_another_type_name_or_namespace_and_back_to_plain_text(pg_dsn, pg_conn, tmp_path):
    v1 = shop(tmp_path, "v1", "[new, shipped]", "[a, b]")
    apply_generated(pg_dsn, v1, "shop")
    pg_conn.execute("INSERT INTO orders VALUES (1, 'shipped', '{a,b}'); INSERT INTO order_events VALUES (1, 'new')")
    # the same labels under another name in another namespace; the array's type reordered under a new name
    v5 = shop(tmp_path, "v5", "[new, shipped]", "[b, a]")
    for path in (Path(v5) / "shop" / "tables").glob("*.yaml"):
        path.write_text(path.read_text().replace("enum_type: order_state", "enum_type: sales.order_status")
                        .replace("enum_type: '\"Shop Tag\"'", "enum_type: tag"))
    text = fix(pg_dsn, v5, tmp_path / "mig", "shop")
    assert "CREATE SCHEMA IF NOT EXISTS sales;" in text
    assert "TYPE sales.order_status USING state::text::sales.order_status;" in text
    assert "DROP TYPE order_state;" in text and 'DROP TYPE "Shop Tag";' in text
    assert labels(pg_conn, "order_status") == ["new", "shipped"] and labels(pg_conn, "tag") == ["b", "a"]
    assert pg_conn.execute("SELECT count(*) FROM pg_type WHERE typname IN ('order_state', 'Shop Tag')"
                           ).fetchone() == (0,)
    assert shop_rows(pg_conn) == [(1, "shipped", ["a", "b"], "new")]
    # and plain text columns (no enum at all): the types go
    v6 = shop(tmp_path, "v6", "[new, shipped]", "[a, b]")
    for path in (Path(v6) / "shop" / "tables").glob("*.yaml"):
        text = path.read_text()
        for part in (", enum: [new, shipped], enum_type: order_state", ", enum: [a, b], enum_type: '\"Shop Tag\"'",
                     ", legacy_values: {}"):
            text = text.replace(part, "")
        path.write_text(text)
    fix(pg_dsn, v6, tmp_path / "mig", "shop")
    assert pg_conn.execute("SELECT count(*) FROM pg_type WHERE typtype = 'e'").fetchone() == (0,)
    assert shop_rows(pg_conn) == [(1, "shipped", ["a", "b"], "new")]


def test_labels_added_first_and_last_in_one_transaction(pg_dsn, pg_conn, tmp_path):
    apply_generated(pg_dsn, shop(tmp_path, "v1", "[new, shipped]", "[a, b]"), "shop")
    pg_conn.execute("INSERT INTO orders VALUES (1, 'shipped', '{a}')")
    text = fix(pg_dsn, shop(tmp_path, "v2", "[draft, new, shipped, done]", "[a, b]"), tmp_path / "mig", "shop")
    assert "ALTER TYPE order_state ADD VALUE 'draft' BEFORE 'new';" in text
    assert "ALTER TYPE order_state ADD VALUE 'done' AFTER 'shipped';" in text
    assert not text.startswith("-- jobschema:no-transaction")  # nothing in the file uses the new labels
    assert labels(pg_conn, "order_state") == ["draft", "new", "shipped", "done"]
