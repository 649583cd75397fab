"""The convergence corpus: every case under ``tests/cases/converge/<dialect>/<case>/`` runs the loop a new
user runs, in-process through ``jobschema.api``, against the real servers.

``desired.sql`` is built in one fresh database and ``current.sql`` (with its seed rows) in another; the
desired one is inspected into a module; the current one is audited against it, fixed with the migration
``audit --write-migration --allow-destructive`` writes, migrated, and audited again. The second audit must be
clean, the catalog dumps of both databases equal, and the seeded rows still there. An audit that says clean
while the dumps differ is the one failure a drift tool must never have, so it is asserted at both audits.

``expect.txt`` (optional) says more about a case, one ``key: value`` per line (``#`` starts a comment):

* ``finding: JS311 <text>`` — the first audit reports this code, with ``<text>`` in its message when given;
* ``refuse: <text>`` — planning the fix refuses (``PlanRefused`` naming ``<text>``) and changes nothing;
* ``destructive: <why>`` — the case needs ``--allow-destructive``: with the default flags the fix leaves the
  audit at exit 1, never clean, and loses no rows;
* ``column: <table>.<column> <key>: <YAML value>`` — set a key of an inspected column before the audit
  (what a user adds to the YAML ``inspect`` wrote: ``legacy_values``, ``using``);
* ``values: <table>.<column> = a, b, NULL`` — the column's values after the fix (where a fix rewrites them);
  every other column whose type the fix keeps must hold exactly the values it held before.

Cases that fail today are listed in ``known_failures.txt`` (case id, failure class, reason) and run as strict
xfails: a fix that makes one pass must delete its line.

``JOBSCHEMA_CONVERGE_CORPUS=DIR`` runs the cases of another folder of the same shape instead (its own
``known_failures.txt`` when it has one): how a pair set from elsewhere is measured before its cases join this one.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import os
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from dbutil import (
    apply_sql_mysql,
    apply_sql_pg,
    connect_mysql,
    connect_pg,
    database_of,
    temp_mysql_database,
    temp_pg_database,
)
from psycopg import sql

from jobschema import api
from jobschema.errors import PlanRefused

CORPUS = Path(os.environ.get("JOBSCHEMA_CONVERGE_CORPUS")
              or Path(__file__).resolve().parent.parent / "cases" / "converge")
DIALECTS = ("postgres", "mysql")
MODULE = "app"
HISTORY = "jobschema_migrations"
EXPECT_KEYS = ("finding", "refuse", "destructive", "column", "values")
FAILURE_CLASSES = ("enum", "identity", "dependency", "ordinary")


# ------------------------------------------------------------------------------------------ the cases


@dataclass(frozen=True)
class Case:
    dialect: str
    name: str
    current: str
    desired: str
    findings: tuple[tuple[str, str], ...] = ()
    refuse: str | None = None
    destructive: str | None = None
    patches: tuple[tuple[str, str, str, object], ...] = ()  # (table, column, key, value)
    values: dict = field(default_factory=dict)  # (table, column) -> sorted list of text or None

    @property
    def id(self) -> str:
        return f"{self.dialect}/{self.name}"

    @property
    def same_schema(self) -> bool:
        """Both sides run the same statements: the audit must find nothing at all."""
        def statements(text: str) -> list[str]:
            return [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("--")]

        return statements(self.current) == statements(self.desired)


def _sort_key(value: str | None) -> tuple:
    return (value is None, value or "")


def _null(text: str) -> str | None:
    return None if text == "NULL" else text


def read_case(folder: Path) -> Case:
    """One case folder; a malformed ``expect.txt`` fails collection with its file and line."""
    findings, patches, values = [], [], {}
    refuse = destructive = None
    expect = folder / "expect.txt"
    lines = expect.read_text(encoding="utf-8").splitlines() if expect.exists() else []
    for n, raw in enumerate(lines, 1):
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        key, sep, rest = line.partition(":")
        rest = rest.strip()
        if not sep or key not in EXPECT_KEYS or not rest:
            raise ValueError(f"{expect}:{n}: expected one of {', '.join(EXPECT_KEYS)} followed by ': value'")
        if key == "finding":
            code, _, text = rest.partition(" ")
            findings.append((code, text.strip()))
        elif key == "refuse":
            refuse = rest
        elif key == "destructive":
            destructive = rest
        elif key == "column":
            target, _, setting = rest.partition(" ")
            table, _, column = target.partition(".")
            name, sep2, value = setting.partition(":")
            if not (table and column and sep2):
                raise ValueError(f"{expect}:{n}: column: <table>.<column> <key>: <YAML value>")
            patches.append((table, column, name.strip(), yaml.safe_load(value)))
        else:
            target, sep2, listed = rest.partition("=")
            table, _, column = target.strip().partition(".")
            if not (table and column and sep2):
                raise ValueError(f"{expect}:{n}: values: <table>.<column> = a, b, NULL")
            items = [_null(v.strip()) for v in listed.split(",")] if listed.strip() else []
            values[(table, column)] = sorted(items, key=_sort_key)
    return Case(folder.parent.name, folder.name, (folder / "current.sql").read_text(encoding="utf-8"),
                (folder / "desired.sql").read_text(encoding="utf-8"), tuple(findings), refuse, destructive,
                tuple(patches), values)


def all_cases() -> list[Case]:
    return [read_case(d) for dialect in DIALECTS if (CORPUS / dialect).is_dir()
            for d in sorted((CORPUS / dialect).iterdir()) if d.is_dir()]


def known_failures() -> dict[str, tuple[str, str]]:
    """``known_failures.txt``: case id (``:default-flags`` for that variant) → (class, reason)."""
    out = {}
    path = CORPUS / "known_failures.txt"
    if not path.exists():
        return out
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = raw.split(None, 2)
        if len(parts) < 3 or parts[1].split(":")[0] not in FAILURE_CLASSES:
            raise ValueError(f"{path}:{n}: expected '<dialect>/<case> <class>:<stage> <reason>' with a class "
                             f"among {', '.join(FAILURE_CLASSES)}")
        out[parts[0]] = (parts[1], parts[2])
    return out


CASES = all_cases()
KNOWN = known_failures()


def params(cases: list[Case], suffix: str = "") -> list:
    out = []
    for case in cases:
        known = KNOWN.get(case.id + suffix)
        marks = [pytest.mark.xfail(strict=True, reason=f"{known[0]}: {known[1]}")] if known else []
        out.append(pytest.param(case, id=case.id + suffix, marks=marks))
    return out


def test_known_failures_name_existing_cases():
    ids = {c.id for c in CASES} | {c.id + ":default-flags" for c in CASES if c.destructive}
    assert sorted(set(KNOWN) - ids) == []


def test_corpus_covers_both_engines():
    by_dialect = {d: sum(c.dialect == d for c in CASES) for d in DIALECTS}
    outside = "JOBSCHEMA_CONVERGE_CORPUS" in os.environ  # a pair set from elsewhere may hold one engine
    assert any(by_dialect.values()) if outside else all(by_dialect.values()), by_dialect


# ----------------------------------------------------------------------------------- catalog dumps


def _pg_dump_started(dsn: str) -> Callable[[], str]:
    """Start ``pg_dump --schema-only``; the returned function waits for it and gives the dump with the
    database name, comments and session settings taken out, and the lines inside each ``CREATE TABLE``
    sorted: PostgreSQL cannot put an added column in the middle of a table."""
    proc = subprocess.Popen(["pg_dump", "--schema-only", "--no-owner", "--no-privileges",
                             f"--exclude-table=public.{HISTORY}", "-d", dsn],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    @functools.cache
    def finish() -> str:
        text, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, f"pg_dump failed: {err.strip()}"
        kept = [line for line in text.replace(database_of(dsn), "DB").splitlines()
                if line.strip() and not line.startswith(("--", "SET ", "SELECT pg_catalog.set_config", "\\restrict",
                                                          "\\unrestrict"))]
        return "\n".join(_sorted_bodies(kept, "CREATE TABLE "))

    return finish


def _sorted_bodies(lines: list[str], opener: str) -> list[str]:
    """The lines between ``<opener>... (`` and the closing ``)`` sorted (columns and inline constraints)."""
    out: list[str] = []
    body: list[str] | None = None
    for line in lines:
        if body is not None:
            if line.startswith(")"):
                out.extend(sorted(body))
                out.append(line)
                body = None
            else:
                body.append(line.rstrip(","))
        else:
            out.append(line)
            if line.startswith(opener) and line.endswith("("):
                body = []
    return out + sorted(body or [])


def _keys_sorted(lines: list[str]) -> list[str]:
    """A MariaDB ``CREATE TABLE`` with its column lines in their order (a fix places columns) and its key and
    constraint lines sorted (their order is the server's, by kind and age)."""
    out: list[str] = []
    keys: list[str] = []
    for line in lines:
        if line.startswith("  ") and not line.startswith("  `"):
            keys.append(line.rstrip(","))
            continue
        if line.startswith(")") and keys:
            out.extend(sorted(keys))
            keys = []
        out.append(line.rstrip(",") if line.startswith("  `") else line)
    return out + sorted(keys)


def _mysql_dump(dsn: str) -> str:
    """``SHOW CREATE`` of every table, view and routine, with the database name and the ``AUTO_INCREMENT``
    counter taken out and each table's key lines sorted (column order is compared), then each trigger's catalog
    row."""
    database = database_of(dsn)
    conn = connect_mysql(dsn)
    parts = []
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = %s "
                        "AND TABLE_NAME <> %s ORDER BY TABLE_NAME", (database, HISTORY))
            objects = [(("VIEW" if kind == "VIEW" else "TABLE"), name) for name, kind in cur.fetchall()]
            # a trigger is its catalog row, not SHOW CREATE TRIGGER: that repeats the author's header as typed
            # (quotes, keyword case), which no fix can reproduce and which means nothing
            cur.execute("SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER, "
                        "DEFINER, SQL_MODE, ACTION_STATEMENT FROM information_schema.TRIGGERS "
                        "WHERE TRIGGER_SCHEMA = %s ORDER BY 1", (database,))
            triggers = ["TRIGGER `{}` {} {} ON `{}` ORDER {} DEFINER {} SQL_MODE {} FOR EACH ROW {}".format(
                name, timing, event, table, order, definer, mode, " ".join(body.split()))
                for name, table, timing, event, order, definer, mode, body in cur.fetchall()]
            cur.execute("SELECT ROUTINE_TYPE, ROUTINE_NAME FROM information_schema.ROUTINES "
                        "WHERE ROUTINE_SCHEMA = %s ORDER BY 1, 2", (database,))
            objects += list(cur.fetchall())
            for kind, name in objects:
                cur.execute(f"SHOW CREATE {kind} `{name}`")
                row = cur.fetchone()
                text = row[2] if kind in ("FUNCTION", "PROCEDURE") else row[1]
                text = re.sub(r" AUTO_INCREMENT=\d+", "", text.replace(f"`{database}`.", ""))
                lines = text.splitlines()
                if kind == "TABLE":
                    lines = _keys_sorted(lines)
                elif kind != "VIEW":  # the author's text as written: its line breaks are not the schema's
                    lines = [" ".join(text.split())]
                parts.append("\n".join(lines))
            parts.extend(triggers)
    finally:
        conn.close()
    return "\n".join(parts)


def start_dump(dialect: str, dsn: str) -> Callable[[], str]:
    """The catalog dump of ``dsn`` as it is now, read when the returned function is called (PostgreSQL's
    runs in the background meanwhile)."""
    if dialect == "postgres":
        return _pg_dump_started(dsn)
    text = _mysql_dump(dsn)
    return lambda: text


def catalog_dump(dialect: str, dsn: str) -> str:
    return start_dump(dialect, dsn)()


def dump_diff(want: str, got: str) -> str:
    lines = difflib.unified_diff(want.splitlines(), got.splitlines(), "desired", "current", n=1, lineterm="")
    return "\n".join(list(lines)[:40])


# -------------------------------------------------------------------------------------- seeded rows


def _pg_rows(dsn: str) -> dict:
    """table → (row count, {column: (type, sorted values as text)})."""
    out = {}
    with connect_pg(dsn) as conn:
        cols = conn.execute(
            "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid "
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped "
            "AND c.relname <> %s ORDER BY c.relname, a.attnum", (HISTORY,)).fetchall()
        tables: dict[str, list[tuple[str, str]]] = {}
        for table, column, type_ in cols:
            tables.setdefault(table, []).append((column, type_))
        for table, columns in tables.items():
            query = sql.SQL("SELECT {} FROM {}").format(
                sql.SQL(", ").join(sql.SQL("{}::text").format(sql.Identifier(c)) for c, _ in columns),
                sql.Identifier(table)) if columns else sql.SQL("SELECT FROM {}").format(sql.Identifier(table))
            rows = conn.execute(query).fetchall()
            out[table] = (len(rows), {c: (t, sorted((r[i] for r in rows), key=_sort_key))
                                      for i, (c, t) in enumerate(columns)})
    return out


def _text(value) -> str | None:
    if value is None:
        return None
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


_GEOMETRY = ("geometry", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon",
             "geometrycollection")


def _as_text(column: str, type_: str) -> str:
    """A column's value as text (geometry values have no CAST to CHAR)."""
    return f"ST_AsText(`{column}`)" if type_.lower() in _GEOMETRY else f"CAST(`{column}` AS CHAR)"


def _mysql_rows(dsn: str) -> dict:
    database = database_of(dsn)
    out = {}
    conn = connect_mysql(dsn)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT c.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_TYPE FROM information_schema.COLUMNS c "
                        "JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA "
                        "AND t.TABLE_NAME = c.TABLE_NAME WHERE c.TABLE_SCHEMA = %s "
                        "AND t.TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED') "
                        "AND c.TABLE_NAME <> %s ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION", (database, HISTORY))
            tables: dict[str, list[tuple[str, str]]] = {}
            for table, column, type_ in cur.fetchall():
                tables.setdefault(table, []).append((column, type_))
            for table, columns in tables.items():
                cur.execute("SELECT {} FROM `{}`".format(", ".join(_as_text(c, t) for c, t in columns), table))
                rows = cur.fetchall()
                out[table] = (len(rows), {c: (t, sorted((_text(r[i]) for r in rows), key=_sort_key))
                                          for i, (c, t) in enumerate(columns)})
    finally:
        conn.close()
    return out


def seeded_rows(dialect: str, dsn: str) -> dict:
    return _pg_rows(dsn) if dialect == "postgres" else _mysql_rows(dsn)


def assert_rows_survive(case: Case, before: dict, after: dict, desired_tables: set[str]) -> None:
    """Every table the desired schema keeps has its rows; every column whose type the fix kept holds the same
    values; the columns named in ``values:`` hold exactly those."""
    problems = []
    for table, (count, columns) in before.items():
        if table not in desired_tables or not count:
            continue
        if table not in after:
            problems.append(f"table {table} with {count} rows is gone")
            continue
        if after[table][0] != count:
            problems.append(f"{table}: {count} rows before the fix, {after[table][0]} after")
            continue
        for column, (type_, values) in columns.items():
            now = after[table][1].get(column)
            if (table, column) in case.values or now is None or now[0] != type_:
                continue
            if now[1] != values:
                problems.append(f"{table}.{column}: {values} before the fix, {now[1]} after")
    for (table, column), want in case.values.items():
        got = after.get(table, (0, {}))[1].get(column)
        if got is None or got[1] != want:
            problems.append(f"{table}.{column}: expected {want} after the fix, got {got and got[1]}")
    assert not problems, "[rows] " + "; ".join(problems)


# ------------------------------------------------------------------------------------------ the loop


@contextlib.contextmanager
def stage(name: str):
    """Name the stage of the loop an error comes from, so a failure reads as its class."""
    try:
        yield
    except (AssertionError, pytest.fail.Exception):
        raise
    except Exception as exc:  # noqa: BLE001 - any error of the tool under test is a failure of this stage
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise AssertionError(f"[{name}] {type(exc).__name__}: {first}") from exc


def patch_schema(schema: Path, case: Case) -> None:
    """Apply the case's ``column:`` settings to the inspected table files, as a user edits them."""
    for table, column, key, value in case.patches:
        path = schema / MODULE / "tables" / f"{table}.yaml"
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        matches = [c for c in doc["columns"] if c["name"] == column]
        assert matches, f"{case.id}: inspected {table} has no column {column}"
        matches[0][key] = value
        path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")


def findings_text(result) -> list[str]:
    return [f"{f.code} {f.message}" for f in result.findings]


@dataclass
class Loop:
    """Two fresh databases of one case: ``desired`` inspected into ``schema``, ``current`` to be fixed."""

    case: Case
    desired_dsn: str
    current_dsn: str
    schema: Path
    migrations: Path
    desired_dump: Callable[[], str] = str
    before: dict = field(default_factory=dict)
    desired_tables: set[str] = field(default_factory=set)

    def audit(self, when: str):
        with stage(when):
            return api.audit(self.current_dsn, str(self.schema), module=MODULE)

    def apply(self, planned) -> None:
        """Write the planned fix as a migration file and migrate, as ``audit --write-migration`` and
        ``migrate`` do."""
        with stage("plan"):
            api.write_migration(planned, self.current_dsn, str(self.migrations), str(self.migrations))
        if not planned.plan.empty:
            with stage("migrate"):
                api.migrate(self.current_dsn, str(self.migrations), module=MODULE, folder=str(self.migrations))


PG_EMPTY = """
DO $$
DECLARE r record;
BEGIN
    -- tables first: an index whose operator class takes parameters breaks DROP EXTENSION ... CASCADE
    FOR r IN SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p', 'm') AND NOT c.relispartition
             AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_t%' LOOP
        EXECUTE format('DROP %s IF EXISTS %I.%I CASCADE',
                       CASE r.relkind WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, r.nspname, r.relname);
    END LOOP;
    FOR r IN SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' LOOP
        EXECUTE format('DROP EXTENSION %I CASCADE', r.extname);
    END LOOP;
    FOR r IN SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema')
             AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp\\_%' LOOP
        EXECUTE format('DROP SCHEMA %I CASCADE', r.nspname);
    END LOOP;
END $$;
CREATE SCHEMA public AUTHORIZATION pg_database_owner;
GRANT USAGE ON SCHEMA public TO PUBLIC;
COMMENT ON SCHEMA public IS 'standard public schema';
"""


def empty_database(dialect: str, dsn: str) -> None:
    """Back to a freshly created database: every schema (PostgreSQL) or the whole database (MariaDB) goes."""
    if dialect == "postgres":
        with connect_pg(dsn) as conn:
            conn.execute(PG_EMPTY)
        return
    name = database_of(dsn)
    conn = connect_mysql(dsn)
    try:
        with conn.cursor() as cur:
            cur.execute(f"DROP DATABASE `{name}`")
            cur.execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4")
    finally:
        conn.close()


@pytest.fixture(scope="module")
def databases(request):
    """``databases(dialect)`` → two databases of that engine, made once for the module and emptied before
    each case: creating and dropping PostgreSQL databases takes seconds on a busy server, emptying them
    milliseconds."""
    made: dict[str, tuple[str, str]] = {}
    with contextlib.ExitStack() as stack:
        def pair(dialect: str) -> tuple[str, str]:
            if dialect not in made:
                server = request.getfixturevalue("pg_server" if dialect == "postgres" else "mysql_server")
                fresh = temp_pg_database if dialect == "postgres" else temp_mysql_database
                admin = (server.dsn, server.template) if dialect == "postgres" else (server.dsn,)
                made[dialect] = (stack.enter_context(fresh(*admin)), stack.enter_context(fresh(*admin)))
            for dsn in made[dialect]:
                empty_database(dialect, dsn)
            return made[dialect]

        yield pair


@contextlib.contextmanager
def opened(case: Case, databases, tmp_path: Path, dump: bool = True):
    """Both databases of ``case`` built, the current one's rows read, the desired one inspected (and dumped in
    the background when ``dump``)."""
    apply = apply_sql_pg if case.dialect == "postgres" else apply_sql_mysql
    desired_dsn, current_dsn = databases(case.dialect)
    apply(desired_dsn, case.desired)
    apply(current_dsn, case.current)
    loop = Loop(case, desired_dsn, current_dsn, tmp_path / "schema", tmp_path / "migrations")
    if dump and not case.same_schema:
        loop.desired_dump = start_dump(case.dialect, desired_dsn)
    try:
        loop.before = seeded_rows(case.dialect, current_dsn)
        with stage("inspect"):
            inspected = api.inspect_db(desired_dsn, MODULE, str(loop.schema))
        loop.desired_tables = {t.name for t in inspected.module.tables}
        patch_schema(loop.schema, case)
        yield loop
    finally:
        with contextlib.suppress(AssertionError):
            loop.desired_dump()  # a background pg_dump the case did not need is reaped


@pytest.mark.parametrize("case", params(CASES))
def test_case_converges(case: Case, databases, tmp_path):
    with opened(case, databases, tmp_path) as loop:
        first = loop.audit("audit")
        for code, text in case.findings:
            assert any(f.code == code and text in f.message for f in first.findings), \
                f"[findings] expected {code} {text!r}; got {findings_text(first)}"
        if case.same_schema:
            assert not first.drift, f"[churn] equal databases, yet the audit reports {findings_text(first)}"
            assert api.plan_from_audit(first, allow_destructive=True).plan.empty
            return
        if not first.drift:
            current = catalog_dump(case.dialect, loop.current_dsn)
            assert current == loop.desired_dump(), ("[false-clean] the audit says clean while the databases differ:\n"
                                                    + dump_diff(loop.desired_dump(), current))
            return
        if case.refuse is not None:
            before = catalog_dump(case.dialect, loop.current_dsn)
            try:
                planned = api.plan_from_audit(first, allow_destructive=True)
            except PlanRefused as refused:
                assert case.refuse in str(refused), f"[plan] refused for another reason: {refused}"
            else:
                raise AssertionError(f"[plan] expected a refusal naming {case.refuse!r}; planned:\n{planned.text}")
            assert catalog_dump(case.dialect, loop.current_dsn) == before
            return
        with stage("plan"):
            planned = api.plan_from_audit(first, allow_destructive=True)
        loop.apply(planned)
        after_dump = start_dump(case.dialect, loop.current_dsn)
        second = loop.audit("audit-after")
        after = after_dump()
        assert not second.drift, (f"[residual] after the fix the audit still reports {findings_text(second)}; "
                                  f"omitted: {[o.reason for o in planned.plan.omitted]}\n{planned.text}")
        assert after == loop.desired_dump(), ("[false-clean] the second audit is clean but the databases differ:\n"
                                              + dump_diff(loop.desired_dump(), after) + "\n" + planned.text)
        assert_rows_survive(case, loop.before, seeded_rows(case.dialect, loop.current_dsn), loop.desired_tables)


@pytest.mark.parametrize("case", params([c for c in CASES if c.destructive and not c.refuse], ":default-flags"))
def test_default_flags_leave_destructive_drift_reported(case: Case, databases, tmp_path):
    """Without ``--allow-destructive`` the fix applies what is safe and the audit stays at exit 1."""
    with opened(case, databases, tmp_path, dump=False) as loop:
        first = loop.audit("audit")
        assert int(first.exit_code) == 1, "[false-clean] the audit says clean while the databases differ"
        try:
            planned = api.plan_from_audit(first)
        except PlanRefused:
            planned = None  # nothing written: the drift stays, which is what this asserts
        if planned is not None:
            assert planned.plan.omitted, "[plan] a destructive change was planned without --allow-destructive"
            loop.apply(planned)
        second = loop.audit("audit-after")
        assert int(second.exit_code) == 1, "[false-clean] the destructive drift is no longer reported"
        after = seeded_rows(case.dialect, loop.current_dsn)
        lost = {t: (n, after.get(t, (0,))[0]) for t, (n, _) in loop.before.items() if after.get(t, (0,))[0] != n}
        assert not lost, f"[rows] rows lost without --allow-destructive: {lost}"

