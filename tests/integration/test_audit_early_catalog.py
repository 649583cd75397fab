"""``audit.run`` reads the catalog while the schema loads: same result as reading it afterwards, schema
errors still come first, and a guess of namespaces the project then contradicts is read again."""

from __future__ import annotations

import textwrap

import pytest
from dbutil import apply_sql_pg

from jobschema import api
from jobschema import audit as audit_mod
from jobschema.dialects.postgres.session import read_only as postgres_read_only
from jobschema.errors import LoadErrors, UsageError
from jobschema.load.peek import declared_namespaces

UNREACHABLE = "postgresql://u:pw@127.0.0.1:1/db"


def _schema(tmp_path, table_namespace: str | None = None) -> str:
    root = tmp_path / "schema"
    (root / "jobs" / "tables").mkdir(parents=True)
    (root / "jobs" / "module.yaml").write_text("module: jobs\ndialects: [postgres]\n")
    ns = f"namespace: {table_namespace}\n" if table_namespace else ""
    (root / "jobs" / "tables" / "runs.yaml").write_text("table: runs\n" + ns + textwrap.dedent("""\
        columns:
          - {name: id, type: bigint, nullable: false}
          - {name: status, type: text, nullable: false, default: a, enum: [a, b]}
        primary_key: [id]
        """))
    return str(root)


def _ddl(schema: str) -> str:
    files = api.render_project(api.load(schema), dialect="postgres").files
    return "\n".join(files[p] for p in sorted(files))


def _summary(result) -> list[tuple[str, str, str]]:
    return sorted((f.code, f.path, f.message) for f in result.findings)


def _after_load(dsn: str, schema: str):
    """The same audit with the catalog read after the schema loaded."""
    project = api.load(schema)
    with postgres_read_only(dsn) as conn:
        return audit_mod.audit_connection(conn, project, "postgres")


def test_declared_namespaces_reads_module_files_only(tmp_path):
    schema = _schema(tmp_path)
    (tmp_path / "schema" / "jobs" / "module.yaml").write_text("module: jobs\nnamespace: app\nschemas: [extra]\n")
    (tmp_path / "schema" / "jobs" / "tables" / "broken.yaml").write_text("table: [unclosed\n")
    assert declared_namespaces(schema) == {"jobs": ("app", "extra")}
    assert declared_namespaces(str(tmp_path / "missing")) is None


@pytest.mark.parametrize("table_namespace", [None, "other"])
def test_same_findings_as_reading_after_the_load(pg_dsn, tmp_path, table_namespace, monkeypatch):
    drv = audit_mod.driver("postgres")
    reads: list[list[str]] = []
    real = type(drv).inspect

    def counting(self, conn, namespaces, search=None):
        reads.append(sorted(namespaces))
        return real(self, conn, namespaces, search)

    monkeypatch.setattr(type(drv), "inspect", counting)
    schema = _schema(tmp_path, table_namespace)
    if table_namespace:
        apply_sql_pg(pg_dsn, f"CREATE SCHEMA {table_namespace};")
    apply_sql_pg(pg_dsn, _ddl(schema))
    apply_sql_pg(pg_dsn, f"ALTER TABLE {table_namespace or 'public'}.runs ALTER COLUMN status SET DEFAULT 'b';"
                         f"ALTER TABLE {table_namespace or 'public'}.runs ADD COLUMN extra int;")
    early = api.audit(pg_dsn, schema)
    # the early read guessed from module.yaml; a table in another namespace makes the audit read again
    assert reads == ([["public"]] if table_namespace is None else [["public"], ["other", "public"]])
    late = _after_load(pg_dsn, schema)
    assert _summary(early) == _summary(late)
    assert {f.code for f in early.findings} >= {"JS305", "JS361"}


def test_schema_error_reported_before_an_unreachable_server(tmp_path):
    schema = _schema(tmp_path)
    (tmp_path / "schema" / "jobs" / "tables" / "broken.yaml").write_text("table: [unclosed\n")
    with pytest.raises(LoadErrors):
        api.audit(UNREACHABLE, schema)


def test_unknown_module_reported_before_an_unreachable_server(tmp_path):
    with pytest.raises(UsageError, match="unknown module"):
        api.audit(UNREACHABLE, _schema(tmp_path), module="nope")
