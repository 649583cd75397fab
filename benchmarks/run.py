"""Side-by-side timings of jobschema against migra, a per-column probe and the raw catalog queries.

    python benchmarks/run.py --tables 100,1000,3000 [--reps 3]

For each N: writes the synthetic module (synth.py), generates its DDL, applies it to fresh PostgreSQL and
MariaDB databases (a live one, drifted by a few percent of its objects, and on PostgreSQL an undrifted
reference one for migra), then times, interleaved and repeated, each measurement as its own process and
records wall time, peak RSS (``wait4`` rusage of the child) and what the process reports about itself.
Writes benchmarks/RESULTS.md and benchmarks/results.json; drops every database it created.

migra runs from its own environment, benchmarks/.venv-migra (created from benchmarks/requirements.txt);
when it cannot be installed or run, the results say so instead of showing a number.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
MY_HOST, MY_PORT, MY_USER = "127.0.0.1", 3306, "root"
MIGRA_VENV = os.path.join(HERE, ".venv-migra")
DRIFT_SHARE = 0.03
MEASURE = None  # --measure: a regular expression the measurement names must match
OUT = HERE  # --out: where RESULTS.md and results.json go


# ------------------------------------------------------------------------------------------- workers
# Each measurement that is not a CLI command runs as `run.py --worker KIND ...` and prints one JSON line.

def _pg_floor_queries() -> list[str]:
    return [
        """SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                  pg_get_expr(d.adbin, d.adrelid), col_description(c.oid, a.attnum)
           FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
           JOIN pg_namespace n ON n.oid = c.relnamespace
           LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
           WHERE n.nspname = 'public' AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r','p','v','m')""",
        """SELECT c.conrelid::regclass::text, c.conname, c.contype, pg_get_constraintdef(c.oid)
           FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public'""",
        """SELECT t.relname, i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
           FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
           WHERE n.nspname = 'public'""",
        "SELECT tablename, policyname, cmd, roles, qual, with_check FROM pg_policies WHERE schemaname = 'public'",
        "SELECT viewname, definition FROM pg_views WHERE schemaname = 'public'",
    ]


def _my_floor_queries(db: str) -> list[str]:
    """One plain read per information_schema table, each filtered by schema (joins between them are slow
    on MariaDB, which fills each table per join step)."""
    q = f"'{db}'"
    return [
        "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, COLUMN_COMMENT "
        f"FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = {q}",
        "SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS "
        f"WHERE TABLE_SCHEMA = {q}",
        "SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, ORDINAL_POSITION, REFERENCED_TABLE_NAME, "
        f"REFERENCED_COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = {q}",
        "SELECT TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE FROM information_schema.REFERENTIAL_CONSTRAINTS "
        f"WHERE CONSTRAINT_SCHEMA = {q}",
        "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS "
        f"WHERE CONSTRAINT_SCHEMA = {q}",
        "SELECT TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX, COLUMN_NAME, NON_UNIQUE, INDEX_TYPE "
        f"FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = {q}",
        f"SELECT TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = {q}",
    ]


def _my_connect(db: str):
    import pymysql

    return pymysql.connect(host=MY_HOST, port=MY_PORT, user=MY_USER, database=db, charset="utf8mb4")


def _my_questions(conn) -> int:
    with conn.cursor() as cur:
        cur.execute("SHOW SESSION STATUS LIKE 'Questions'")
        return int(cur.fetchone()[1])


def worker(kind: str, target: str, schema: str | None) -> dict:
    import gc

    gc.set_threshold(100_000, 50, 100)  # what the jobschema command sets for itself (cli.run)
    t0 = time.perf_counter()
    if kind == "floor-pg":
        import psycopg

        with psycopg.connect(target) as conn:
            t1 = time.perf_counter()
            rows = sum(len(conn.execute(q).fetchall()) for q in _pg_floor_queries())
        return {"query_s": time.perf_counter() - t1, "rows": rows, "queries": len(_pg_floor_queries())}
    if kind == "floor-mysql":
        conn = _my_connect(target)
        t1 = time.perf_counter()
        rows = 0
        with conn.cursor() as cur:
            for q in _my_floor_queries(target):
                cur.execute(q)
                rows += len(cur.fetchall())
        conn.close()
        return {"query_s": time.perf_counter() - t1, "rows": rows, "queries": len(_my_floor_queries(target))}
    if kind == "probe-pg":
        import psycopg

        with psycopg.connect(target, autocommit=True) as conn:
            cols = conn.execute("SELECT table_name, column_name FROM information_schema.columns "
                                "WHERE table_schema = 'public' ORDER BY 1, ordinal_position").fetchall()
            for table, col in cols:
                conn.execute(f'SELECT "{col}" FROM "{table}" LIMIT 1').fetchall()
        return {"queries": len(cols) + 1}
    if kind == "probe-mysql":
        conn = _my_connect(target)
        with conn.cursor() as cur:
            cur.execute("SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS "
                        f"WHERE TABLE_SCHEMA = '{target}' ORDER BY 1, ORDINAL_POSITION")
            cols = cur.fetchall()
            for table, col in cols:
                cur.execute(f"SELECT `{col}` FROM `{table}` LIMIT 1")
                cur.fetchall()
        conn.close()
        return {"queries": len(cols) + 1}
    if kind == "inspect-pg":
        from jobschema import audit
        from jobschema.early_catalog import CATALOG_CONNECTIONS
        from jobschema.load.build import load_project

        project = load_project(schema)
        t_load = time.perf_counter() - t0
        drv = audit.driver("postgres")
        # the audit's own session: the catalog queries shared among CATALOG_CONNECTIONS sessions on one snapshot
        with drv.session(target, 30_000, 3_000, "jobschema benchmark", CATALOG_CONNECTIONS) as conn:
            t1 = time.perf_counter()
            live = drv.inspect(conn, audit._namespaces(project, None))
            t_inspect = time.perf_counter() - t1
            t2 = time.perf_counter()
            res = audit.audit_connection(conn, project, "postgres")
            t_audit = time.perf_counter() - t2
        return {"load_s": t_load, "inspect_s": t_inspect, "catalog_queries": live.catalog_queries,
                "catalog_connections": live.catalog_connections, "audit_s": t_audit,
                "findings": len(res.findings), "tables": len(live.module.tables)}
    if kind == "inspect-mysql":
        from jobschema.dialects.mysql import inspect as mysql_inspect

        conn = _my_connect(target)
        t_load = 0.0
        before = _my_questions(conn)
        t1 = time.perf_counter()
        live = mysql_inspect.inspect(conn, target)
        t_inspect = time.perf_counter() - t1
        sent = _my_questions(conn) - before - 1
        conn.close()
        return {"load_s": t_load, "inspect_s": t_inspect, "catalog_queries": sent,
                "tables": len(live.module.tables)}
    raise SystemExit(f"unknown worker {kind}")


# ------------------------------------------------------------------------------------------- running

def timed(cmd: list[str], env: dict | None = None, cwd: str | None = None) -> dict:
    """Run ``cmd``; wall time, exit code, peak RSS of that child (rusage from wait4), its JSON line if any."""
    import tempfile

    with tempfile.TemporaryFile() as fout, tempfile.TemporaryFile() as ferr:  # files: a full pipe would block
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=fout, stderr=ferr, env=env, cwd=cwd)
        _, status, usage = os.wait4(p.pid, 0)  # reaps the child with its own rusage (peak RSS)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        fout.seek(0)
        ferr.seek(0)
        out, err = fout.read(), ferr.read()
    rec = {"wall_s": wall, "rc": p.returncode, "rss_mb": usage.ru_maxrss / 1024}
    lines = out.decode(errors="replace").strip().splitlines()
    if lines and lines[-1].startswith("{"):
        with contextlib.suppress(ValueError):
            rec["report"] = json.loads(lines[-1])
    if p.returncode not in (0, 1, 2):
        rec["error"] = (err.decode(errors="replace").strip().splitlines() or ["?"])[-1][:300]
    return rec


def sh(cmd: list[str], stdin: str | None = None, env: dict | None = None) -> None:
    r = subprocess.run(cmd, input=stdin, text=True, capture_output=True, env=env)
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:3])}… failed: {r.stderr.strip()[-800:]}")


def psql(db: str, sql: str) -> None:
    """Run a script statement by statement (one transaction would run out of locks at 3,000 tables); the
    commits do not wait for the disk, the databases are throwaway."""
    cmd = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-U", "postgres", "-d", db]
    sh(cmd, stdin="SET synchronous_commit = off;\n" + sql)


def mysql(db: str | None, sql: str) -> None:
    sh(["mysql", "-h", MY_HOST, "-P", str(MY_PORT), "-u", MY_USER] + ([db] if db else []), stdin=sql)


def ddl(generated: str, module: str, dialect: str) -> str:
    folder = os.path.join(generated, module, dialect)
    return "\n".join(open(os.path.join(folder, f), encoding="utf-8").read() for f in sorted(os.listdir(folder)))


def drift_sql(n: int, dialect: str) -> tuple[str, int]:
    """Drift about DRIFT_SHARE of the tables: one change each, cycling through four kinds."""
    k = max(1, round(n * DRIFT_SHARE))
    step = max(1, n // k)
    out = []
    for j, i in enumerate(range(0, n, step)[:k]):
        t = f"job_{i:05d}"
        kind = j % 4
        if kind == 0:
            out.append(f"DROP INDEX {t}_created_idx;" if dialect == "postgres"
                       else f"DROP INDEX {t}_created_idx ON {t};")
        elif kind == 1:
            out.append(f"ALTER TABLE {t} ALTER COLUMN priority SET DEFAULT 5;")
        elif kind == 2:
            out.append(f"ALTER TABLE {t} DROP CONSTRAINT {t}_counts_check;")
        else:
            out.append(f"ALTER TABLE {t} ADD COLUMN extra_note text;")
    return "\n".join(out), k


def ensure_migra(log) -> tuple[str | None, str]:
    """The migra executable in benchmarks/.venv-migra, created on first use; (None, reason) if impossible."""
    exe = os.path.join(MIGRA_VENV, "bin", "migra")
    if not os.path.exists(exe):
        log("creating benchmarks/.venv-migra (pip install -r benchmarks/requirements.txt)")
        try:
            sh([sys.executable, "-m", "venv", MIGRA_VENV])
            sh([os.path.join(MIGRA_VENV, "bin", "pip"), "install", "-q", "-r", os.path.join(HERE, "requirements.txt")])
        except (RuntimeError, OSError) as exc:
            return None, f"migra could not be installed: {str(exc)[-300:]}"
    r = subprocess.run([exe, "--help"], capture_output=True, text=True)
    if r.returncode != 0:
        return None, f"migra does not run: {(r.stderr.strip().splitlines() or ['?'])[-1]}"
    ver = subprocess.run([os.path.join(MIGRA_VENV, "bin", "python"), "-c",
                          "import importlib.metadata as m; print(m.version('migra'), m.version('schemainspect'))"],
                         capture_output=True, text=True).stdout.split()
    return exe, f"migra {ver[0]}, schemainspect {ver[1]}" if len(ver) == 2 else "migra"


class Progress:
    """A rich progress bar on a terminal; silent when piped."""

    def __init__(self, total: int):
        self.bar = None
        if sys.stdout.isatty():
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
            from rich.progress import Progress as RichProgress

            self.bar = RichProgress(TextColumn("{task.description:<44}"), BarColumn(), MofNCompleteColumn(),
                                    TimeElapsedColumn())
            self.task = self.bar.add_task("starting", total=total)
            self.bar.start()

    def step(self, what: str, advance: int = 0) -> None:
        if self.bar:
            self.bar.update(self.task, description=what, advance=advance)

    def log(self, msg: str) -> None:
        if self.bar:
            self.bar.console.log(msg)

    def close(self) -> None:
        if self.bar:
            self.bar.stop()


# ------------------------------------------------------------------------------------------- one size

def measurements(n: int, schema: str, generated: str, pg_live: str, pg_ref: str, my_db: str,
                 migra: str | None) -> list[tuple[str, list[str], dict]]:
    py = sys.executable
    me = os.path.abspath(__file__)
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="0")
    nocache = dict(env, JOBSCHEMA_NO_CACHE="1")
    js = [py, "-m", "jobschema"]
    my_dsn = f"mysql://{MY_USER}@{MY_HOST}:{MY_PORT}/{my_db}"
    out = [
        ("generate", js + ["generate", "--schema", schema, "--out", generated], env),
        ("generate (no cache)", js + ["generate", "--schema", schema, "--out", generated], nocache),
        ("audit postgres", js + ["audit", "--schema", schema, "--dsn", pg_live], env),
        ("audit postgres (no cache)", js + ["audit", "--schema", schema, "--dsn", pg_live], nocache),
        ("audit mariadb", js + ["audit", "--schema", schema, "--dsn", my_dsn], env),
        ("audit mariadb (no cache)", js + ["audit", "--schema", schema, "--dsn", my_dsn], nocache),
        ("inspection postgres", [py, me, "--worker", "inspect-pg", pg_live, schema], env),
        ("inspection mariadb", [py, me, "--worker", "inspect-mysql", my_db, schema], env),
        ("catalog floor postgres", [py, me, "--worker", "floor-pg", pg_live, schema], env),
        ("catalog floor mariadb", [py, me, "--worker", "floor-mysql", my_db, schema], env),
        ("probe per column postgres", [py, me, "--worker", "probe-pg", pg_live, schema], env),
        ("probe per column mariadb", [py, me, "--worker", "probe-mysql", my_db, schema], env),
    ]
    if migra:
        out.append(("migra postgres", [migra, "--unsafe", pg_live, pg_ref], env))
    return out


def run_size(n: int, reps: int, work: str, tag: str, migra: str | None, prog: Progress) -> dict:
    import synth

    base = os.path.join(work, f"n{n}")
    schema_root = os.path.join(base, "schema")
    generated = os.path.join(base, "generated")
    synth.write(schema_root, n)
    prog.step(f"N={n}: generate")
    first = timed([sys.executable, "-m", "jobschema", "generate", "--schema", schema_root, "--out", generated])
    if first["rc"] != 0:
        raise RuntimeError(f"generate failed for N={n}: {first.get('error')}")
    pg_live, pg_ref, my_db = f"jsbench_{tag}_{n}_live", f"jsbench_{tag}_{n}_ref", f"jsbench_{tag}_{n}"
    dbs = {"pg": [], "my": []}
    my_errors: list[Exception] = []

    def apply_mysql() -> None:  # MariaDB is set up while PostgreSQL is (setup only; nothing is timed yet)
        try:
            mysql(None, f"CREATE DATABASE `{my_db}`")
            dbs["my"].append(my_db)
            mysql(my_db, ddl(generated, "bench", "mysql"))
            mysql(my_db, drift_sql(n, "mysql")[0])
        except Exception as exc:
            my_errors.append(exc)

    import threading

    my_setup = threading.Thread(target=apply_mysql)
    try:
        my_setup.start()
        prog.step(f"N={n}: apply DDL to PostgreSQL and MariaDB")
        psql("postgres", f'CREATE DATABASE "{pg_live}"')
        dbs["pg"].append(pg_live)
        psql(pg_live, ddl(generated, "bench", "postgres"))
        psql("postgres", f'CREATE DATABASE "{pg_ref}" TEMPLATE "{pg_live}"')  # the same schema, undrifted
        dbs["pg"].append(pg_ref)
        drift_pg, k = drift_sql(n, "postgres")
        psql(pg_live, drift_pg)
        for db in (pg_live, pg_ref):  # catalog statistics as autovacuum keeps them on a live server: a
            psql(db, "ANALYZE;")      # fresh database plans the catalog joins on empty-table guesses
        my_setup.join()
        if my_errors:
            raise my_errors[0]
        url = "postgresql://postgres@127.0.0.1:5432/"
        plan = [m for m in measurements(n, schema_root, generated, url + pg_live, url + pg_ref, my_db, migra)
                if MEASURE is None or MEASURE.search(m[0])]
        runs: dict[str, list[dict]] = {name: [] for name, _, _ in plan}
        for rep in range(reps):
            order = plan[rep % len(plan):] + plan[:rep % len(plan)]  # rotate so no step always runs first
            for name, cmd, env in order:
                prog.step(f"N={n} rep {rep + 1}/{reps}: {name}")
                runs[name].append(timed(cmd, env=env))
                prog.step(f"N={n} rep {rep + 1}/{reps}: {name}", advance=1)
        return {"n": n, "drifted_tables": k, "runs": runs}
    finally:
        if my_setup.is_alive():
            my_setup.join()
        for db in dbs["pg"]:
            with contextlib.suppress(RuntimeError):
                psql("postgres", f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
        for db in dbs["my"]:
            with contextlib.suppress(RuntimeError):
                mysql(None, f"DROP DATABASE IF EXISTS `{db}`")


# ------------------------------------------------------------------------------------------- fleet

FLEET_DRIFT = [  # a little drift in one database of four, cycling through these
    "DROP INDEX batch_jobs_status_idx",
    "ALTER TABLE batch_items ALTER COLUMN status SET DEFAULT 'queued'",
    "ALTER TABLE batch_jobs ADD COLUMN extra_note text",
]


def run_fleet(n: int, reps: int, work: str, tag: str, migra: str | None, prog: Progress) -> dict:
    """``n`` PostgreSQL databases holding the shipped ``batch`` module (copies of one, every fourth with
    one drift), audited three ways: the fleet command, one audit process per database in a shell loop,
    and migra against the undrifted reference in a shell loop. Then the fleet command over a quarter of
    the databases, to show its memory follows ``--jobs``, not the fleet's size."""
    import psycopg

    schema = os.path.join(ROOT, "schema")
    url = "postgresql://postgres@127.0.0.1:5432/"
    ref = f"jsbench_{tag}_fleet_ref"
    names = [f"jsbench_{tag}_fleet_{i:03d}" for i in range(n)]
    created: list[str] = []
    try:
        prog.step(f"fleet: {n} databases")
        psql("postgres", f'CREATE DATABASE "{ref}"')
        created.append(ref)
        psql(ref, ddl(os.path.join(ROOT, "generated"), "batch", "postgres"))
        psql(ref, "ANALYZE;")
        created.extend(names)
        psql("postgres", "".join(f'CREATE DATABASE "{db}" TEMPLATE "{ref}";\n' for db in names))
        drifted = 0
        for i, db in enumerate(names):
            if i % 4 == 1:
                with psycopg.connect(url + db, autocommit=True) as conn:
                    conn.execute(FLEET_DRIFT[(i // 4) % len(FLEET_DRIFT)])
                drifted += 1
        files = {}
        for label, part in (("all", names), ("quarter", names[: max(1, n // 4)])):
            files[label] = os.path.join(work, f"fleet-{label}.txt")
            with open(files[label], "w", encoding="utf-8") as fh:
                fh.write("# the benchmark's fleet\n" + "".join(url + db + "\n" for db in part))
        py = sys.executable
        audit = f"{py} -m jobschema audit --schema {schema} --module batch --format json"
        plan = [
            ("fleet audit (one process)",
             [py, "-m", "jobschema", "audit", "--schema", schema, "--module", "batch", "--format", "json",
              "--dsn-file", files["all"]]),
            ("one audit process per database (shell loop)",
             ["bash", "-c", f'while read -r d; do case "$d" in "#"*) continue;; esac; {audit} --dsn "$d" '
                            f'> /dev/null; done < {files["all"]}']),
        ]
        if migra:
            plan.append(("migra per database (shell loop)",
                         ["bash", "-c", f'while read -r d; do case "$d" in "#"*) continue;; esac; {migra} --unsafe '
                                        f'"$d" {url + ref} > /dev/null; done < {files["all"]}']))
        plan.append((f"fleet audit, {max(1, n // 4)} databases",
                     [py, "-m", "jobschema", "audit", "--schema", schema, "--module", "batch", "--format", "json",
                      "--dsn-file", files["quarter"]]))
        plan = [p for p in plan if MEASURE is None or MEASURE.search(p[0])]
        runs: dict[str, list[dict]] = {name: [] for name, _ in plan}
        for rep in range(reps):
            for name, cmd in plan[rep % len(plan):] + plan[:rep % len(plan)]:
                prog.step(f"fleet rep {rep + 1}/{reps}: {name}")
                rec = timed(cmd, cwd=ROOT)
                rec.pop("report", None)
                runs[name].append(rec)
        counts = {name: (max(1, n // 4) if name.startswith("fleet audit, ") else n) for name in runs}
        return {"databases": n, "drifted": drifted, "runs": runs, "counts": counts}
    finally:
        try:
            psql("postgres", "".join(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE);\n' for db in reversed(created)))
        except RuntimeError:
            for db in reversed(created):
                with contextlib.suppress(RuntimeError):
                    psql("postgres", f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')


# ------------------------------------------------------------------------------------------- report

def med(runs: list[dict], key: str = "wall_s") -> float | None:
    vals = [r[key] if key in r else r.get("report", {}).get(key) for r in runs if "error" not in r]
    vals = [v for v in vals if v is not None]
    return statistics.median(vals) if vals else None


def machine_notes(migra_note: str, load_before, load_after) -> list[str]:
    import sqlglot
    import yaml

    def out(cmd):
        with contextlib.suppress(Exception):
            return subprocess.run(cmd, capture_output=True, text=True).stdout.strip()
        return "?"

    mem = "?"
    with contextlib.suppress(OSError), open("/proc/meminfo") as fh:
        mem = f"{int(fh.readline().split()[1]) // 1024} MiB"
    import importlib.metadata

    jsv = importlib.metadata.version("jobschema")

    return [
        f"- CPUs (`nproc`): {out(['nproc'])}; memory: {mem}; {platform.platform()}",
        f"- Python {platform.python_version()}; jobschema {jsv}; sqlglot {sqlglot.__version__}; PyYAML "
        f"{yaml.__version__} (libyaml: {getattr(yaml, '__with_libyaml__', False)})",
        f"- {out(['psql', '-X', '-h', '127.0.0.1', '-U', 'postgres', '-tAc', 'SHOW server_version'])} PostgreSQL; "
        f"{out(['mysql', '-h', MY_HOST, '-u', MY_USER, '-NBe', 'SELECT VERSION()'])} MariaDB; {migra_note}",
        f"- load average before / after the run: {load_before} / {load_after}",
    ]


def fleet_lines(fleet: dict) -> list[str]:
    n = fleet["databases"]
    runs = fleet["runs"]
    base = med(runs["fleet audit (one process)"])
    lines = [f"## Fleet: {n} databases", "",
             f"{n} PostgreSQL databases holding the shipped `batch` module, {fleet['drifted']} of them with one "
             "drift each (a dropped index, a changed default, an extra column); every process's output is "
             f"JSON, discarded. Median of {len(runs['fleet audit (one process)'])} run(s) each.", "",
             "| measurement | median wall (s) | per database (ms) | peak RSS (MB) | fleet command × faster |",
             "| --- | ---: | ---: | ---: | ---: |"]
    for name, rs in runs.items():
        ok = [r for r in rs if "error" not in r]
        if not ok:
            lines.append(f"| {name} | failed: {rs[0].get('error', '?')} | | | |")
            continue
        wall = med(ok)
        count = fleet["counts"][name]
        ratio = f"{wall / base:.1f}×" if base and "loop" in name else ""
        lines.append(f"| {name} | {wall:.2f} | {1000 * wall / count:.1f} | {med(ok, 'rss_mb'):.0f} | {ratio} |")
    return lines + [""]


def target_lines(results: list[dict], fleets: list[dict]) -> list[str]:
    """The issue's targets at the largest size, each with the figure this run reached."""
    res = max(results, key=lambda r: r["n"])
    runs = res["runs"]
    migra = med(runs.get("migra postgres", []))

    def m(name, key="wall_s"):
        return med(runs.get(name, []), key)

    def row(what, target, value, ok):
        return f"| {what} | {target} | {value} | {'met' if ok else '**not met**'} |"

    out = [f"## Targets at {res['n']} tables (this run, medians)", "",
           "| target | wanted | reached | |", "| --- | --- | --- | --- |"]
    for name, limit, ratio in (("audit postgres", 1.5, 5.0), ("audit postgres (no cache)", 2.0, 4.0)):
        wall = m(name)
        if wall is not None:
            out.append(row(f"`{name}`", f"≤ {limit} s", f"{wall:.2f} s", wall <= limit))
            if migra:
                out.append(row(f"`{name}` vs migra", f"≥ {ratio:.0f}×", f"{migra / wall:.1f}× (migra {migra:.2f} s)",
                               migra / wall >= ratio))
    for name in ("audit mariadb", "audit mariadb (no cache)"):
        wall = m(name)
        if wall is not None:
            out.append(row(f"`{name}`", "≤ 2.0 s", f"{wall:.2f} s", wall <= 2.0))
    wall = m("generate (no cache)")
    if wall is not None:
        out.append(row("`generate` both dialects, no cache", "≤ 2.0 s", f"{wall:.2f} s", wall <= 2.0))
    rss = max((m(x, "rss_mb") or 0) for x in ("audit postgres", "audit postgres (no cache)", "audit mariadb"))
    out.append(row("peak RSS of an audit", "≤ 200 MB", f"{rss:.0f} MB", rss <= 200))
    for fleet in fleets:
        fr = fleet["runs"]
        one = med(fr["fleet audit (one process)"])
        n = fleet["databases"]
        out.append(row(f"fleet of {n} databases end to end", "≤ 10 s", f"{one:.2f} s", one <= 10))
        if loop := med(fr.get("one audit process per database (shell loop)", [])):
            out.append(row(f"fleet vs one process per database ({n} databases)", "≥ 10×",
                           f"{loop / one:.1f}× ({loop:.1f} s)", loop / one >= 10))
        quarter = next((v for k, v in fr.items() if k.startswith("fleet audit, ")), None)
        if quarter:
            small, big = med(quarter, "rss_mb"), med(fr["fleet audit (one process)"], "rss_mb")
            out.append(row("fleet memory bounded by `--jobs`", f"RSS at {fleet['databases']} ≈ at a quarter",
                           f"{big:.0f} MB vs {small:.0f} MB", big <= small * 1.25))
    return out + [""]


def write_results(results: list[dict], reps: int, notes: list[str], migra_note: str, shared: bool,
                  elapsed: float, commit: str | None = None, fleet: dict | list | None = None,
                  command: str | None = None) -> str:
    def f(x, unit="s"):
        return "—" if x is None else (f"{x:.2f}" if unit == "s" else f"{x:.0f}")

    sizes = ",".join(str(r["n"]) for r in results)
    lines = ["# Benchmark results", "",
             f"{command or f'`python benchmarks/run.py --tables {sizes} --reps {reps}`'} "
             f"({elapsed / 60:.1f} min). Every figure is the median of {reps} interleaved repetitions, each "
             "measurement its own process; wall time includes interpreter start. Peak RSS is the child's "
             "`ru_maxrss` from `wait4`.", ""]
    if shared:
        lines += ["**The machine was shared**: other test suites ran on the same 2 cores during the run, so "
                  "absolute times carry noise; the interleaving spreads it over all measurements.", ""]
    commit = commit or os.environ.get("JOBSCHEMA_BENCH_COMMIT") or subprocess.run(
        ["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip() or "?"
    lines += [f"Code measured: commit {commit}.", "", "Machine:", *notes, ""]
    for res in results:
        runs, n = res["runs"], res["n"]
        migra = med(runs.get("migra postgres", []))
        floor_pg = med(runs.get("catalog floor postgres", []), "query_s")
        floor_my = med(runs.get("catalog floor mariadb", []), "query_s")
        lines += [f"## {n} tables", "",
                  f"Synthetic module of {n} job tables + tenants ({n // 10} views); {res['drifted_tables']} "
                  "tables drifted (dropped index, changed default, dropped CHECK, extra column).", "",
                  "| measurement | median wall (s) | min–max (s) | peak RSS (MB) | in-process (s) | "
                  "catalog queries | × faster than migra | × catalog floor |",
                  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for name, rs in runs.items():
            ok = [r for r in rs if "error" not in r]
            if not ok:
                lines.append(f"| {name} | failed: {rs[0].get('error', '?')} | | | | | | |")
                continue
            wall = med(ok)
            walls = [r["wall_s"] for r in ok]
            inproc = med(ok, "inspect_s") or med(ok, "query_s")
            queries = med(ok, "catalog_queries") or med(ok, "queries")
            vs_migra = f"{migra / wall:.1f}×" if migra and name.startswith("audit postgres") else ""
            floor = floor_pg if "postgres" in name else floor_my
            vs_floor = f"{inproc / floor:.2f}×" if name.startswith("inspection") and floor and inproc else ""
            lines.append(f"| {name} | {f(wall)} | {min(walls):.2f}–{max(walls):.2f} | {f(med(ok, 'rss_mb'), 'mb')} "
                         f"| {f(inproc) if inproc else ''} | {f(queries, 'n') if queries else ''} | {vs_migra} "
                         f"| {vs_floor} |")
        if "migra postgres" not in runs and not migra_note.startswith("migra "):
            lines.append(f"| migra postgres | not measured: {migra_note} | | | | | | |")
        lines.append("")
    if len(results) > 1:
        lines += ["## Cost per table (ms, median wall / N)", "",
                  "| measurement | " + " | ".join(str(r["n"]) for r in results) + " |",
                  "| --- | " + " | ".join("---:" for _ in results) + " |"]
        for name in results[0]["runs"]:
            cells = []
            for r in results:
                m = med(r["runs"].get(name, []))
                cells.append(f"{1000 * m / r['n']:.2f}" if m else "—")
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
        lines.append("")
    fleets = fleet if isinstance(fleet, list) else [fleet] if fleet else []
    for one in fleets:
        lines += fleet_lines(one)
    lines += target_lines(results, fleets)
    path = os.path.join(OUT, "RESULTS.md")
    analysis = os.path.join(HERE, "ANALYSIS.md")
    if os.path.exists(analysis):  # hand-written notes on what dominates, kept across runs
        lines += [open(analysis, encoding="utf-8").read().rstrip(), ""]
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines))
    with open(os.path.join(OUT, "results.json"), "w", encoding="utf-8") as fh:
        json.dump({"reps": reps, "machine": notes, "shared": shared, "migra": migra_note, "elapsed_s": elapsed,
                   "commit": commit, "results": results, "fleet": fleet}, fh, indent=1)
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tables", default="100,1000,3000", help="comma-separated table counts")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--no-migra", action="store_true", help="skip migra (recorded as not measured)")
    ap.add_argument("--shared", action="store_true", help="note in RESULTS.md that the machine was shared")
    ap.add_argument("--keep", action="store_true", help="keep the work directory")
    ap.add_argument("--from-json", metavar="FILE", help="only write RESULTS.md again from a results.json")
    ap.add_argument("--measure", metavar="REGEX", help="only the measurements whose name matches")
    ap.add_argument("--out", metavar="DIR", help="write RESULTS.md and results.json there (default: benchmarks/)")
    ap.add_argument("--fleet", type=int, default=200, metavar="N",
                    help="databases of the fleet measurement (0: skip it)")
    ap.add_argument("--fleet-reps", type=int, default=1, help="repetitions of the fleet measurement")
    ap.add_argument("--worker", nargs=3, metavar=("KIND", "TARGET", "SCHEMA"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(*args.worker)))
        return 0
    if args.from_json:
        with open(args.from_json, encoding="utf-8") as fh:
            saved = json.load(fh)
        write_results(saved["results"], saved["reps"], saved["machine"], saved.get("migra", ""),
                      saved["shared"], saved.get("elapsed_s", 0.0), saved.get("commit"), saved.get("fleet"),
                      saved.get("command"))
        return 0
    global MEASURE, OUT
    if args.measure:
        import re

        MEASURE = re.compile(args.measure)
    OUT = args.out or HERE
    sizes = [int(x) for x in args.tables.split(",") if x.strip()]
    if args.reps < 3:
        ap.error("--reps must be at least 3")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the databases are dropped on kill too
    started = time.perf_counter()
    load_before = " ".join(open("/proc/loadavg").read().split()[:3])
    tag = uuid.uuid4().hex[:8]
    work = os.path.join(HERE, "_work", tag)
    os.makedirs(work)
    os.environ.setdefault("XDG_CACHE_HOME", os.path.join(work, "cache"))  # a cold cache of its own
    prog = Progress(total=sum(len(sizes) and 13 * args.reps for _ in sizes))
    try:
        migra, migra_note = (None, "migra skipped (--no-migra)") if args.no_migra else ensure_migra(prog.log)
        results = [run_size(n, args.reps, work, tag, migra, prog) for n in sizes]
        fleet = run_fleet(args.fleet, args.fleet_reps, work, tag, migra, prog) if args.fleet > 0 else None
    finally:
        prog.close()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    load_after = " ".join(open("/proc/loadavg").read().split()[:3])
    path = write_results(results, args.reps, machine_notes(migra_note, load_before, load_after), migra_note,
                         args.shared, time.perf_counter() - started, fleet=fleet)
    if sys.stdout.isatty():
        print(f"wrote {os.path.relpath(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
