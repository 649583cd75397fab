"""``inspect`` and ``import`` round trips on real PostgreSQL and MariaDB servers.

inspect: a database D built from a shipped module's generated DDL → ``inspect D`` → schema files; ``audit D``
against them is clean; ``generate`` from them applied to an empty database E; D and E inspect to the same model.

import: every ``tests/cases/import/<dialect>/*.sql`` file is imported; what it cannot represent must be
exactly what the file's annotations say (``-- expect: note|unmanaged|skipped|error`` at the end of the line
concerned); then ``generate`` → apply to E → ``audit`` clean, and for files with nothing lost the original
applied to D and E inspect to the same model, and D goes through ``inspect`` too (audit clean; on PostgreSQL
also regenerated into F, which inspects like D). Adding a case is adding a file.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from dbutil import apply_sql_mysql, apply_sql_pg, temp_mysql_database, temp_pg_database

from jobschema import api
from jobschema.errors import LoadError, LoadErrors
from jobschema.model.objects import NO_ORIGIN, Origin

ROOT = Path(__file__).resolve().parent.parent.parent
CASES = ROOT / "tests" / "cases" / "import"
PROJECT = api.load(str(ROOT / "schema"))
APPLY = {"postgres": apply_sql_pg, "mysql": apply_sql_mysql}
_EXPECT = re.compile(r"--\s*expect:\s*([a-z, ]+)")


def strip_origins(obj):
    if isinstance(obj, Origin):
        return NO_ORIGIN
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {f.name: strip_origins(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        return dataclasses.replace(obj, **changes)
    if isinstance(obj, tuple):
        return tuple(strip_origins(x) for x in obj)
    return obj


def difference(a, b, path: str = "module") -> str | None:
    """The first place two models differ, as ``path: a != b`` (None when equal)."""
    if a == b:
        return None
    if dataclasses.is_dataclass(a) and type(a) is type(b):
        for f in dataclasses.fields(a):
            d = difference(getattr(a, f.name), getattr(b, f.name), f"{path}.{f.name}")
            if d:
                return d
    if isinstance(a, tuple) and isinstance(b, tuple) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            d = difference(x, y, f"{path}[{getattr(x, 'name', i)}]")
            if d:
                return d
    return f"{path}: {a!r:.400} != {b!r:.400}"


def assert_same_model(a, b) -> None:
    a, b = strip_origins(a), strip_origins(b)
    assert a == b, difference(a, b)


@pytest.fixture
def fresh(request):
    """fresh(dialect) → a context manager yielding the DSN of a new empty database."""
    servers = {}

    def make(dialect: str):
        if dialect not in servers:
            servers[dialect] = request.getfixturevalue("pg_server" if dialect == "postgres" else "mysql_server")
        return (temp_pg_database if dialect == "postgres" else temp_mysql_database)(servers[dialect].dsn)

    return make


def reset_pg(dsn: str, namespaces: list[str]) -> None:
    """Empty a PostgreSQL test database: drop its schemas (and what lives in them), recreate public."""
    drops = "".join(f'DROP SCHEMA IF EXISTS "{ns}" CASCADE;' for ns in namespaces)
    apply_sql_pg(dsn, drops + "CREATE SCHEMA IF NOT EXISTS public;")


def apply_files(dsn: str, dialect: str, files: dict[str, str]) -> None:
    for path in sorted(files):
        APPLY[dialect](dsn, files[path])


def namespaces_of(m) -> list[str]:
    out = [m.namespace]
    for ns in list(m.schemas) + [t.namespace for t in m.tables] + [f.namespace for f in m.functions]:
        if ns not in out:
            out.append(ns)
    return out


def assert_audit_clean(dsn: str, schema_dir: str, module: str, namespace: str | None = None,
                       unmanaged: str = "warning") -> None:
    result = api.audit(dsn, schema_dir, module=module, namespace=namespace, no_data=True,
                       unmanaged_severity=unmanaged)
    assert not result.drift, "\n".join(f"{f.code} {f.path}: {f.message}" for f in result.findings)


# ------------------------------------------------------------------------------------------ inspect

INSPECT_CASES = [(m.name, d) for m in PROJECT.modules for d in ("postgres", "mysql")
                 if d in m.dialects and not (m.name == "supabase_compat")]


@pytest.mark.parametrize("module,dialect", INSPECT_CASES, ids=[f"{m}-{d}" for m, d in INSPECT_CASES])
def test_inspect_round_trip(fresh, tmp_path, module, dialect):
    m = PROJECT.module(module)
    rendered = api.render_project(PROJECT, module, dialect).files
    namespaces = [m.namespace]
    if dialect == "postgres":
        for req in m.requires:
            dep = PROJECT.module(req)
            if dep is not None and "postgres" in dep.dialects:
                namespaces += [dep.namespace, *dep.schemas]
    out = tmp_path / "schema"
    with fresh(dialect) as d_dsn:
        apply_files(d_dsn, dialect, rendered)
        got = api.inspect_db(d_dsn, module, str(out), namespaces=namespaces)
        assert got.module.tables, "nothing inspected"
        assert (out / module / "module.yaml").read_text().startswith("# yaml-language-server: $schema=")
        assert_audit_clean(d_dsn, str(out), module)
        again = api.load(str(out))  # what was written loads back to exactly the model inspected
        assert_same_model(again.module(module), got.module)
        regenerated = api.render_project(again, module, dialect).files
        with fresh(dialect) as e_dsn:
            apply_files(e_dsn, dialect, regenerated)
            e = api.inspect_db(e_dsn, module, None, namespaces=namespaces)
            assert_same_model(e.module, got.module)
            assert_audit_clean(e_dsn, str(out), module)


def test_inspect_writes_enum_columns_and_plain_defaults(fresh, tmp_path):
    with fresh("postgres") as dsn:
        apply_files(dsn, "postgres", api.render_project(PROJECT, "batch", "postgres").files)
        api.inspect_db(dsn, "batch", str(tmp_path))
    text = (tmp_path / "batch" / "tables" / "batch_jobs.yaml").read_text()
    assert "enum: [queued, processing, paused, completed, failed, cancelled]" in text
    assert "default: queued" in text and "::text" not in text
    assert "enum_check_name" not in text  # the live name is the default one


# ------------------------------------------------------------------------------------------- import

def case_files() -> list[Path]:
    return sorted(CASES.glob("*/*.sql"))


def expectations(path: Path) -> set[tuple[str, int]]:
    out = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = _EXPECT.search(line)
        if m:
            for kind in m.group(1).replace(",", " ").split():
                out.add((kind, n))
    return out


def reported(result) -> set[tuple[str, int]]:
    out = set()
    for kind, items in (("note", result.notes), ("unmanaged", result.unmanaged), ("skipped", result.skipped)):
        for n in items:
            out.add((kind, int(n.location.rsplit(":", 1)[1])))
    return out


@pytest.mark.parametrize("path", case_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_import_case(fresh, tmp_path, path):
    dialect = path.parent.name
    expected = expectations(path)
    module = "imported"
    out = tmp_path / "schema"
    errors = {line for kind, line in expected if kind == "error"}
    if errors:
        with pytest.raises((LoadError, LoadErrors)) as info:
            api.import_sql([str(path)], dialect, module, str(out))
        message = str(info.value)
        assert message.count("\n") == 0, message
        assert f"{path}:{min(errors)}" in message, message
        assert not out.exists()
        return
    result = api.import_sql([str(path)], dialect, module, str(out))
    assert reported(result) == expected, "\n".join(map(str, result.notes + result.unmanaged + result.skipped))
    m = result.module
    back = api.load(str(out)).module(module)
    assert_same_model(back, m)
    unmanaged = out / module / f"unmanaged.{dialect}.sql"
    assert unmanaged.exists() == bool(result.unmanaged or result.notes)
    lossless = not any(kind == "note" for kind, _ in expected)
    generated = api.render_project(api.load(str(out)), module, dialect).files
    namespaces = namespaces_of(m)
    with fresh(dialect) as e_dsn:
        apply_files(e_dsn, dialect, generated)
        assert_audit_clean(e_dsn, str(out), module)
        if not lossless:
            return
        if result.unmanaged:  # what jobschema does not manage, applied by hand, makes E whole again
            APPLY[dialect](e_dsn, unmanaged.read_text())
        e = api.inspect_db(e_dsn, module, None, namespaces=namespaces)
        with fresh(dialect) as d_dsn:
            APPLY[dialect](d_dsn, path.read_text(encoding="utf-8"))
            inspected = tmp_path / "inspected"
            d = api.inspect_db(d_dsn, module, str(inspected), namespaces=namespaces)
            assert_same_model(e.module, d.module)
            # and the same database through inspect: audit clean, regenerated elsewhere, inspects alike
            assert_audit_clean(d_dsn, str(inspected), module, unmanaged="info")  # GRANTs, domains: listed
        if dialect != "postgres":
            return  # MariaDB's catalog reads cost ~0.6 s each; the shipped modules cover regenerate-from-inspect
        reset_pg(e_dsn, namespaces)  # E, emptied, serves as F (a new database costs more than emptying one)
        apply_files(e_dsn, dialect, api.render_project(api.load(str(inspected)), module, dialect).files)
        f = api.inspect_db(e_dsn, module, None, namespaces=namespaces)
        # generate writes no DDL for the recorded unmanaged facts (the audit reports them missing: JS371)
        assert set(f.module.unmanaged) <= set(d.module.unmanaged)
        assert_same_model(f.module, dataclasses.replace(d.module, unmanaged=f.module.unmanaged))


def test_import_corpus_is_big_enough():
    files = case_files()
    assert len(files) >= 30
    assert {p.parent.name for p in files} == {"postgres", "mysql"}


def test_import_cli_lists_what_is_not_represented(tmp_path):
    from click.testing import CliRunner

    from jobschema.cli import main

    src = tmp_path / "s.sql"
    src.write_text("CREATE TABLE t (id int PRIMARY KEY);\nGRANT SELECT ON t TO PUBLIC;\n")
    res = CliRunner().invoke(main, ["import", str(src), "--dialect", "postgres", "--module", "m",
                                    "--out", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    assert f"{src}:2: GRANT statement" in res.output
    assert "GRANT SELECT ON t TO PUBLIC;" in (tmp_path / "out" / "m" / "unmanaged.postgres.sql").read_text()
    bad = tmp_path / "bad.sql"
    bad.write_text("CREATE TABLE ok (id int);\n\nCREATE TABLE t (id int,, x int);\n")
    res = CliRunner().invoke(main, ["import", str(bad), "--dialect", "postgres", "--module", "m",
                                    "--out", str(tmp_path / "out2")])
    assert res.exit_code == 2
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and f"{bad}:3" in lines[0], res.output



# ------------------------------------------------------------------------- one type map, both directions

# Every native type of each engine, as an author would write it. Serial shorthands other than serial and
# bigserial (smallserial) are left out: they are a sequence, not a type, and the model names only those two.
NATIVE_TYPES = {
    "postgres": [
        "smallint", "int2", "integer", "int", "int4", "bigint", "int8", "serial", "bigserial",
        "numeric", "numeric(12,4)", "decimal", "decimal(10,2)", "real", "float4", "float(10)",
        "double precision", "float8", "float", "float(40)", "money",
        "text", "varchar", "varchar(40)", "character varying(40)", "char", "char(3)", "character(3)",
        "boolean", "bool", "date", "time", "time(3)", "time without time zone", "time with time zone",
        "timetz", "timetz(2)", "timestamp", "timestamp(3)", "timestamp without time zone", "timestamptz",
        "timestamptz(3)", "timestamp(6) with time zone", "interval", "interval(3)", "uuid", "json", "jsonb",
        "bytea", "inet", "cidr", "macaddr", "xml", "tsvector", "point", "int4range", "bit", "bit(3)",
        "varbit", "bit varying(8)", "integer[]", "text[]", "varchar(10)[]", "int8[][]", "integer ARRAY",
    ],
    "mysql": [
        "tinyint", "tinyint(1)", "tinyint(4)", "tinyint unsigned", "bool", "boolean", "smallint", "smallint(6)",
        "mediumint", "int", "int(11)", "integer", "int unsigned", "bigint", "bigint(20)", "bigint unsigned",
        "decimal", "decimal(10)", "decimal(10,2)", "numeric(12,4)", "float", "float(7,3)", "double",
        "double precision", "real", "bit", "bit(1)", "bit(8)", "date", "time", "time(3)", "datetime",
        "datetime(6)", "timestamp NULL", "timestamp(3) NULL", "year", "char", "char(36)", "char(10)",
        "varchar(40)", "binary(16)", "varbinary(64)", "tinytext", "text", "mediumtext", "longtext", "tinyblob",
        "blob", "mediumblob", "longblob", "enum('a','b')", "set('a','b')", "json",
    ],
}


@pytest.mark.parametrize("dialect", sorted(NATIVE_TYPES))
def test_import_and_inspect_agree_on_every_native_type(fresh, tmp_path, dialect):
    """One table with a column of every native type: ``import`` of its DDL and ``inspect`` of the database
    it makes give each column the same logical type, and both keep a native override or neither does."""
    natives = NATIVE_TYPES[dialect]
    quote = '"' if dialect == "postgres" else "`"
    cols = ",\n".join(f"  {quote}c{i:02d}{quote} {t}" for i, t in enumerate(natives))
    ddl = f"CREATE TABLE every_type (\n{cols}\n);\n"
    src = tmp_path / f"every_type.{dialect}.sql"
    src.write_text(ddl)
    imported = api.import_sql([str(src)], dialect, "types", str(tmp_path / "imported")).module.table("every_type")
    with fresh(dialect) as dsn:
        APPLY[dialect](dsn, ddl)
        inspected = api.inspect_db(dsn, "types", None).module.table("every_type")
    assert [c.name for c in imported.columns] == [c.name for c in inspected.columns]
    disagree = [f"{native}: import {a.type} {a.type_override(dialect)!r}, inspect {b.type} "
                f"{b.type_override(dialect)!r}"
                for native, a, b in zip(natives, imported.columns, inspected.columns, strict=True)
                if a.type != b.type or (a.type_override(dialect) is None) != (b.type_override(dialect) is None)]
    assert not disagree, "\n".join(disagree)


# --------------------------------------------------------------------------------- real dump tools' output

def _dump(dialect: str, dsn: str) -> str:
    """The schema of ``dsn`` as the engine's own dump tool prints it (``pg_dump --schema-only``: psql
    meta-commands included; ``mariadb-dump --no-data``: views inside ``/*!50001 ... */`` comments)."""
    import os
    import shutil
    import subprocess

    from jobschema.dialects.mysql.dsn import parse_mysql_dsn

    if dialect == "postgres":
        tool = shutil.which("pg_dump")
        args, env = [tool, "--schema-only", "-d", dsn], dict(os.environ)
    else:
        tool = shutil.which("mariadb-dump") or shutil.which("mysqldump")
        p = parse_mysql_dsn(dsn)
        args = [tool, "--no-data", "--routines", "--triggers", "-h", p["host"], "-P", str(p["port"]), "-u", p["user"],
                p["database"]]
        env = {**os.environ, "MYSQL_PWD": p["password"]}
    assert tool, f"no dump tool for {dialect} on PATH"
    return subprocess.run(args, env=env, capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("dialect", ["postgres", "mysql"])
def test_import_of_the_dump_tools_output(fresh, tmp_path, dialect):
    """A shipped module applied to D, dumped by the engine's tool, imported: the same tables and views come
    back, what is only for the client (psql meta-commands, session SETs, ownership) is skipped, and the
    imported schema generates DDL that E takes and audits clean against."""
    module = "campaign"
    m = PROJECT.module(module)
    with fresh(dialect) as d_dsn:
        apply_files(d_dsn, dialect, api.render_project(PROJECT, module, dialect).files)
        dump = _dump(dialect, d_dsn)
    src = tmp_path / f"dump.{dialect}.sql"
    src.write_text(dump)
    out = tmp_path / "schema"
    result = api.import_sql([str(src)], dialect, module, str(out), namespace=m.namespace)
    got = result.module
    assert sorted(t.name for t in got.tables) == sorted(t.name for t in m.tables)
    wanted_views = sorted(v.name for v in m.views if dialect == "postgres" or v.definition("mysql"))
    assert sorted(v.name for v in got.views) == wanted_views
    skipped = " ".join(n.message for n in result.skipped)
    if dialect == "postgres":
        assert "psql meta-command \\restrict" in skipped and "psql meta-command \\unrestrict" in skipped
    assert not [n for n in result.unmanaged if "OWNER" in (n.statement or "")], "ownership is skipped, not kept"
    with fresh(dialect) as e_dsn:
        apply_files(e_dsn, dialect, api.render_project(api.load(str(out)), module, dialect).files)
        assert_audit_clean(e_dsn, str(out), module)
