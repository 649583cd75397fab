"""The seed-001 fix applied to a busy ``batch_jobs``: what the application's writers see while it runs.

    python benchmarks/online.py [--rows 2000000] [--engines postgres,mysql] [--writers 8] [--window 5]

For each engine and each way of applying the fix, a fresh database is put in the state seed 001 documents
(the generated DDL of module ``batch`` plus ``tests/cases/history/batch/documented.<engine>.sql``: the live
CHECK or ENUM allows only pending/running), ``batch_jobs`` gets ``--rows`` rows of which 10% hold a legacy
value (half 'pending', half 'running'), and ``--writers`` connections insert jobs and move jobs to another
status as fast as they can (autocommit, values both the old and the new rule accept). The writers run for
``--window`` seconds before the fix, during it and ``--window`` seconds after it. Reported per run:

* writes per second before / during / after, and the longest time a single write took (its wait);
* writes that failed (with the first error) — a lock timeout or a rejected value in the application;
* rows before and after (minus what the writers inserted: none may be lost) and legacy values left.

The ways of applying the fix:

* ``jobschema migrate`` — the shipped ``migrations/batch/<engine>`` file, run step by step;
* ``one transaction`` — the same statements as the fix file this project shipped before (drop, rewrite,
  default, NOT VALID, VALIDATE), run in one transaction on PostgreSQL, statement by statement on MySQL;
* ``seed's fix`` — the SQL the seed document recommends, as one script (PostgreSQL only: it is Supabase SQL).

A script, not a test: the numbers depend on the machine and its load, which the output records.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)

import psycopg  # noqa: E402
import pymysql  # noqa: E402

from jobschema import api  # noqa: E402

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
MY = {"host": "127.0.0.1", "port": 3306, "user": "root"}
LEGACY = ("pending", "running")

ONE_TX = {  # the shipped fix before it ran step by step: the same statements in the order it had
    "postgres": ["ALTER TABLE batch_jobs DROP CONSTRAINT batch_jobs_status_check",
                 "UPDATE batch_jobs SET status = 'queued' WHERE status = 'pending'",
                 "UPDATE batch_jobs SET status = 'processing' WHERE status = 'running'",
                 "ALTER TABLE batch_jobs ALTER COLUMN status SET DEFAULT 'queued'",
                 "ALTER TABLE batch_jobs ADD CONSTRAINT batch_jobs_status_check CHECK (status IN ('queued', "
                 "'processing', 'paused', 'completed', 'failed', 'cancelled')) NOT VALID",
                 "ALTER TABLE batch_jobs VALIDATE CONSTRAINT batch_jobs_status_check"],
}
SEED_FIX = """
DO $$
DECLARE
    r RECORD;
BEGIN
    FOR r IN
        SELECT conname
        FROM pg_constraint
        WHERE conrelid = 'batch_jobs'::regclass
        AND contype = 'c'
        AND pg_get_constraintdef(oid) LIKE '%status%'
    LOOP
        EXECUTE 'ALTER TABLE batch_jobs DROP CONSTRAINT ' || quote_ident(r.conname);
    END LOOP;
END $$;
ALTER TABLE batch_jobs
ADD CONSTRAINT batch_jobs_status_check
CHECK (status IN ('queued', 'processing', 'paused', 'completed', 'failed', 'cancelled'));
UPDATE batch_jobs SET status = 'queued' WHERE status = 'pending';
UPDATE batch_jobs SET status = 'processing' WHERE status = 'running';
COMMENT ON COLUMN batch_jobs.status IS
'Job status: queued (waiting), processing (active), paused, completed, failed, cancelled';
"""


# ------------------------------------------------------------------------------------------ databases

def pg_create() -> str:
    name = f"jsonline_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as c:
        c.execute(f"CREATE DATABASE {name}")
    return f"postgresql://postgres@127.0.0.1:5432/{name}"


def pg_drop(dsn: str) -> None:
    name = dsn.rsplit("/", 1)[1]
    with psycopg.connect(PG_ADMIN, autocommit=True) as c:
        c.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def my_create() -> str:
    name = f"jsonline_{uuid.uuid4().hex[:10]}"
    c = pymysql.connect(**MY, autocommit=True)
    with c.cursor() as cur:
        cur.execute(f"CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
    c.close()
    return f"mysql://root@127.0.0.1:3306/{name}"


def my_drop(dsn: str) -> None:
    c = pymysql.connect(**MY, autocommit=True)
    with c.cursor() as cur:
        cur.execute(f"DROP DATABASE IF EXISTS {dsn.rsplit('/', 1)[1]}")
    c.close()


class Conn:
    """One autocommit connection with ``run(sql, args)`` on either engine."""

    def __init__(self, engine: str, dsn: str):
        self.engine = engine
        if engine == "postgres":
            self.c = psycopg.connect(dsn, autocommit=True, application_name="benchmark writer")
        else:
            self.c = pymysql.connect(**MY, database=dsn.rsplit("/", 1)[1], autocommit=True)

    def run(self, sql: str, args=None):
        if self.engine == "postgres":
            cur = self.c.execute(sql, args)
            return cur.fetchall() if cur.description else None
        with self.c.cursor() as cur:
            cur.execute(sql, args)
            return cur.fetchall() if cur.description else None

    def close(self) -> None:
        self.c.close()


def build(engine: str, dsn: str, rows: int) -> None:
    """The documented seed-001 state, filled with ``rows`` jobs, 5% 'pending' and 5% 'running'."""
    files = api.render_project(api.load(os.path.join(ROOT, "schema")), "batch", engine).files
    script = "".join(files[p] + "\n" for p in sorted(files))
    with open(os.path.join(ROOT, "tests", "cases", "history", "batch", f"documented.{engine}.sql")) as fh:
        script += fh.read()
    c = Conn(engine, dsn)
    try:
        statements = api.dialects.get(engine).split(script)
        for st in statements:
            c.run(st.text)
        status = ("CASE WHEN g % 20 = 0 THEN 'pending' WHEN g % 20 = 1 THEN 'running' "
                  "WHEN g % 3 = 0 THEN 'paused' ELSE 'completed' END")
        if engine == "postgres":
            c.run(f"INSERT INTO batch_jobs (name, job_type, status) SELECT 'job ' || g, 'gen', {status} "
                  f"FROM generate_series(1, {rows}) g")
            c.run("VACUUM ANALYZE batch_jobs")
        else:
            done = 0
            while done < rows:  # MariaDB's sequence engine, in slices that keep one statement short
                n = min(200_000, rows - done)
                c.run(f"INSERT INTO batch_jobs (id, name, job_type, status) SELECT UUID(), CONCAT('job ', g), "
                      f"'gen', {status} FROM (SELECT seq + {done} AS g FROM seq_1_to_{n}) s")
                done += n
            c.run("ANALYZE TABLE batch_jobs")
    finally:
        c.close()


def counts(engine: str, dsn: str) -> dict[str, int]:
    c = Conn(engine, dsn)
    try:
        return {r[0]: int(r[1]) for r in c.run("SELECT status, COUNT(*) FROM batch_jobs GROUP BY status")}
    finally:
        c.close()


# --------------------------------------------------------------------------------------------- writers

@dataclass
class Op:
    at: float  # when it finished (monotonic)
    took: float
    ok: bool


@dataclass
class Writers:
    engine: str
    dsn: str
    n: int
    ops: list[Op] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    inserted: int = 0
    stop: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> None:
        self.threads = [threading.Thread(target=self._run, args=(i,), daemon=True) for i in range(self.n)]
        for t in self.threads:
            t.start()

    def finish(self) -> None:
        self.stop.set()
        for t in self.threads:
            t.join(60)

    def _run(self, i: int) -> None:
        rng = random.Random(i)
        c = Conn(self.engine, self.dsn)
        top = c.run("SELECT COUNT(*) FROM batch_jobs")[0][0]
        insert = ("INSERT INTO batch_jobs (name, job_type, status) VALUES ('w', 'gen', %s)"
                  if self.engine == "postgres" else
                  "INSERT INTO batch_jobs (id, name, job_type, status) VALUES (UUID(), 'w', 'gen', %s)")
        # each writer updates jobs from its own slice of the table, found by primary key
        ids = [r[0] for r in c.run("SELECT id FROM batch_jobs ORDER BY id LIMIT 20000 OFFSET %s",
                                   (rng.randrange(max(1, top - 20000)),))]
        while not self.stop.is_set():
            t0 = time.monotonic()
            kind = rng.random()
            try:
                if kind < 0.5:
                    c.run(insert, (rng.choice(("paused", "completed")),))
                    ok_insert = True
                else:
                    ok_insert = False
                    c.run("UPDATE batch_jobs SET status = %s, updated_at = now() WHERE id = %s"
                          if self.engine == "postgres" else
                          "UPDATE batch_jobs SET status = %s, updated_at = NOW() WHERE id = %s",
                          (rng.choice(("failed", "completed", "cancelled")), rng.choice(ids)))
                t1 = time.monotonic()
                with self.lock:
                    self.ops.append(Op(t1, t1 - t0, True))
                    self.inserted += ok_insert
            except Exception as exc:  # noqa: BLE001 - counted and reported
                t1 = time.monotonic()
                with self.lock:
                    self.ops.append(Op(t1, t1 - t0, False))
                    self.errors.append(" ".join(str(exc).split())[:160])
                if self.engine == "postgres" and c.c.closed:
                    c = Conn(self.engine, self.dsn)
        c.close()


# ---------------------------------------------------------------------------------------------- fixes

# the shipped fix files before their ALTERs said ALGORITHM/LOCK, for the side-by-side figure
BEFORE_ALGORITHM = "440ba5a"


def apply_migrate(engine: str, dsn: str, batch_size: int, pause_ms: int, rev: str | None = None) -> tuple[bool, str]:
    tmp = tempfile.mkdtemp(prefix="jsonline-")
    try:
        folder = os.path.join(tmp, "batch", engine)
        shutil.copytree(os.path.join(ROOT, "migrations", "batch", engine), folder)
        for name in os.listdir(folder) if rev else ():
            with open(os.path.join(folder, name), "w") as fh:
                fh.write(subprocess.run(["git", "show", f"{rev}:migrations/batch/{engine}/{name}"], cwd=ROOT,
                                        capture_output=True, text=True, check=True).stdout)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PG", "JOBSCHEMA_DSN"))}
        res = subprocess.run([sys.executable, "-m", "jobschema", "migrate", "--dsn", dsn, "--dir", folder,
                              "--batch-size", str(batch_size), "--pause-ms", str(pause_ms)],
                             cwd=ROOT, env=env, capture_output=True, text=True)
        return res.returncode == 0, (res.stdout + res.stderr).strip().splitlines()[-1] if res.returncode else ""
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def apply_one_tx(engine: str, dsn: str, *_) -> tuple[bool, str]:
    c = Conn(engine, dsn)
    try:
        if engine == "postgres":
            with c.c.transaction():
                for st in ONE_TX["postgres"]:
                    c.run(st)
        else:  # the fix file as it was: widen, rewrite, narrow — each statement commits on its own
            text = subprocess.run(["git", "show", "b658976:migrations/batch/mysql/0001_fix_batch_jobs.sql"],
                                  cwd=ROOT, capture_output=True, text=True, check=True).stdout
            for st in api.dialects.get("mysql").split(text):
                c.run(st.text)
        return True, ""
    except Exception as exc:  # noqa: BLE001 - reported
        return False, " ".join(str(exc).split())[:200]
    finally:
        c.close()


def apply_seed(engine: str, dsn: str, *_) -> tuple[bool, str]:
    c = Conn(engine, dsn)
    try:
        c.run(SEED_FIX)  # one script, as the Supabase SQL editor sends it: one implicit transaction
        return True, ""
    except Exception as exc:  # noqa: BLE001 - reported
        return False, " ".join(str(exc).split())[:200]
    finally:
        c.close()


def apply_migrate_before(engine: str, dsn: str, batch_size: int, pause_ms: int) -> tuple[bool, str]:
    return apply_migrate(engine, dsn, batch_size, pause_ms, BEFORE_ALGORITHM)


METHODS = {"jobschema migrate": apply_migrate, "jobschema migrate (no ALGORITHM)": apply_migrate_before,
           "one transaction": apply_one_tx, "seed's fix": apply_seed}


def measure(engine: str, method: str, rows: int, writers: int, window: float, batch_size: int,
            pause_ms: int) -> dict:
    dsn = pg_create() if engine == "postgres" else my_create()
    try:
        t = time.monotonic()
        build(engine, dsn, rows)
        built = time.monotonic() - t
        before = counts(engine, dsn)
        w = Writers(engine, dsn, writers)
        w.start()
        time.sleep(1.0)  # connections open, caches warm
        t0 = time.monotonic()
        time.sleep(window)
        t1 = time.monotonic()
        ok, err = METHODS[method](engine, dsn, batch_size, pause_ms)
        t2 = time.monotonic()
        time.sleep(window)
        t3 = time.monotonic()
        w.finish()
        after = counts(engine, dsn)

        def rate(a: float, b: float) -> float:
            return sum(1 for o in w.ops if a <= o.at < b and o.ok) / (b - a)

        during = [o for o in w.ops if t1 <= o.at - o.took < t2 or t1 <= o.at < t2]
        return {
            "engine": engine, "method": method, "rows": rows, "writers": writers, "build_s": round(built, 1),
            "fix_ok": ok, "fix_error": err, "fix_s": round(t2 - t1, 2),
            "writes_per_s": [round(rate(t0, t1)), round(rate(t1, t2)), round(rate(t2, t3))],
            "max_write_wait_s": round(max((o.took for o in during), default=0.0), 3),
            "max_write_wait_before_s": round(max((o.took for o in w.ops if t0 <= o.at < t1), default=0.0), 3),
            "failed_writes": sum(1 for o in w.ops if not o.ok), "first_error": w.errors[0] if w.errors else "",
            "rows_before": sum(before.values()), "rows_after_minus_inserted": sum(after.values()) - w.inserted,
            "legacy_before": sum(v for k, v in before.items() if k in LEGACY),
            "legacy_after": sum(v for k, v in after.items() if k in LEGACY),
        }
    finally:
        pg_drop(dsn) if engine == "postgres" else my_drop(dsn)


def table(results: list[dict]) -> str:
    head = ("| engine | fix | fix ran | fix took | writes/s before · during · after | longest write wait "
            "(before → during) | failed writes | rows before → after | legacy before → after |")
    lines = [head, "|" + "---|" * 9]
    for r in results:
        ran = "yes" if r["fix_ok"] else f"**failed**: {r['fix_error'][:90]}"
        b, d, a = r["writes_per_s"]
        lines.append(f"| {r['engine']} | {r['method']} | {ran} | {r['fix_s']} s | {b} · {d} · {a} | "
                     f"{r['max_write_wait_before_s']} s → **{r['max_write_wait_s']} s** | {r['failed_writes']} | "
                     f"{r['rows_before']:,} → {r['rows_after_minus_inserted']:,} | "
                     f"{r['legacy_before']:,} → {r['legacy_after']:,} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=2_000_000)
    ap.add_argument("--engines", default="postgres,mysql")
    ap.add_argument("--methods", default=",".join(METHODS))
    ap.add_argument("--writers", type=int, default=8)
    ap.add_argument("--window", type=float, default=5.0, help="seconds of writes before and after the fix")
    ap.add_argument("--batch-size", type=int, default=1000)
    ap.add_argument("--pause-ms", type=int, default=0)
    ap.add_argument("--json", help="also write the results here")
    args = ap.parse_args()
    results = []
    for engine in args.engines.split(","):
        for method in args.methods.split(","):
            if engine == "mysql" and method == "seed's fix":
                continue  # the seed's SQL is PostgreSQL (Supabase) only
            load = os.getloadavg()[0]
            r = measure(engine, method, args.rows, args.writers, args.window, args.batch_size, args.pause_ms)
            r["load_1min_at_start"] = round(load, 1)
            results.append(r)
            print(json.dumps(r), file=sys.stderr, flush=True)
    print(f"{platform.node()}: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; rows {args.rows:,}, "
          f"writers {args.writers}, batch {args.batch_size}, pause {args.pause_ms} ms\n")
    print(table(results))
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(results, fh, indent=2, sort_keys=True)


if __name__ == "__main__":
    main()
