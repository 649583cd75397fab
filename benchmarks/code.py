"""How fast ``jobschema code`` reads an application: files per second on a generated tree.

    python benchmarks/code.py [--files 5000] [--reps 3] [--baseline REF] [--compare-serial] [--no-record]

Writes a tree of ``--files`` source files under benchmarks/_work/code/ — TypeScript services (Supabase
chains, filter objects, SQL in template literals, a status union), TSX components, JavaScript (Knex) and
Python workers (psycopg SQL with %s parameters, an Enum), about 90 lines each, with a node_modules folder
that must not be read — then runs ``jobschema code TREE --schema tests/cases/code/schema --format json``
as its own process ``--reps`` times and prints, for each run, the wall time, files per second, the CPU
time of the command and its workers and the load average before it (the machine is shared: a run under
load is slower than the work it does), then the median and the quietest run. The target is the whole
tree in under 10 s on the project's 2-core machine.

Each invocation is appended to benchmarks/code-results.json (``--no-record`` to leave it alone).
``--baseline REF`` also times ``jobschema`` as it was at git REF, each of its runs right after the working
tree's so both meet the same load, and says whether its report is the same.
``--compare-serial`` also reads the tree in this process with one process only and checks that the JSON
report is byte-identical to the command's.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SCHEMA = os.path.join(ROOT, "tests", "cases", "code", "schema")
STATUSES = ("queued", "processing", "paused", "completed", "failed", "cancelled")

TS = """\
import {{ createClient }} from '@supabase/supabase-js';

// jobschema: batch_jobs.status
export type JobStatus{i} = 'queued' | 'processing' | 'paused' | 'completed' | 'failed' | 'cancelled';

const supabase = createClient(process.env.URL!, process.env.KEY!);

export interface Job{i} {{
  id: string;
  name: string;
  status: JobStatus{i};
  total_items: number;
}}

export async function create{i}(job: Partial<Job{i}>) {{
  const {{ data, error }} = await supabase
    .from('batch_jobs')
    .insert({{ name: job.name, job_type: 'bulk', status: job.status || '{s1}', total_items: 0 }})
    .select('id, name, status, created_at')
    .single();
  if (error) throw error;
  return data;
}}

export async function progress{i}(jobId: string) {{
  return supabase
    .from('batch_items')
    .select('id, position, status, progress')
    .eq('batch_job_id', jobId)
    .in('status', ['queued', '{s2}']);
}}

export async function advance{i}(id: string, next: JobStatus{i}) {{
  await supabase.from('batch_jobs').update({{ status: next, started_at: new Date().toISOString() }}).eq('id', id);
  return supabase.from('batch_jobs').update({{ status: '{s3}' }}).eq('id', id);
}}

export const filter{i} = {{
  table: 'batch_jobs',
  where: [{{ column: 'status', operator: 'eq', value: '{s1}' }}],
  limit: 10,
}};

export const STALE{i} = `
  UPDATE batch_jobs SET status = 'failed', completed_at = now()
  WHERE status = '{s2}' AND started_at < now() - interval '{i} minutes'`;

export function label{i}(job: Job{i}): string {{
  const parts = [job.name, job.status, String(job.total_items)];
  return parts.filter(Boolean).join(' / ') + Buffer.from(job.id).toString('base64');
}}

export function summarise{i}(jobs: Job{i}[]) {{
  const counts: Record<string, number> = {{}};
  for (const j of jobs) {{
    counts[j.status] = (counts[j.status] ?? 0) + 1;
  }}
  return Object.entries(counts).map(([k, v]) => `${{k}}: ${{v}}`).join(', ');
}}

export async function checkpoints{i}() {{
  const {{ data }} = await supabase.from('batch_checkpoints').select('id, job_id');
  return data ?? [];
}}

export function retryable{i}(job: Job{i}): boolean {{
  if (job.status === 'failed') return true;
  if (job.status === 'cancelled') return false;
  return job.total_items > 0 && job.status !== 'completed';
}}

export default {{ create{i}, progress{i}, advance{i}, filter{i}, label{i}, summarise{i}, checkpoints{i} }};
"""

TSX = """\
import React from 'react';

type Props{i} = {{ id: string; status: string }};

export function JobRow{i}({{ id, status }}: Props{i}) {{
  const onCancel = async () => {{
    await fetch(`/api/jobs/${{id}}`, {{ method: 'DELETE' }});
    await supabase.from('batch_jobs').update({{ status: '{s1}' }}).eq('id', id);
  }};
  return (
    <tr className="job-row">
      <td>{{id}}</td>
      <td>{{status}}</td>
      <td><button onClick={{onCancel}}>Cancel</button></td>
    </tr>
  );
}}
""" + "\n".join(f"export const Cell{{i}}_{n} = ({{{{ v }}}}: {{{{ v: string }}}}) => <td data-n=\"{n}\">{{{{v}}}}</td>;"
                for n in range(40)) + "\n"

JS = """\
const knex = require('knex')({{ client: 'pg' }});

async function claim{i}() {{
  return knex('batch_items').where({{ status: 'queued' }}).update({{ status: '{s2}' }}).returning('id');
}}

async function byJob{i}(jobId) {{
  return knex('batch_items').select('id', 'position', 'topic').where('batch_job_id', jobId).orderBy('position');
}}
""" + "\n".join(f"function helper{{i}}_{n}(a, b) {{{{ return a + b * {n}; }}}}" for n in range(60)) + "\n" + \
    "module.exports = {{ claim{i}, byJob{i} }};\n"

PY = """\
\"\"\"Worker {i}: claims queued items and records their results.\"\"\"

import enum


class ItemStatus{i}(enum.StrEnum):  # jobschema: batch_items.status
    QUEUED = "queued"
    PROCESSING = "processing"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"


CLAIM = \"\"\"
    UPDATE batch_items SET status = 'processing', updated_at = now()
    WHERE id = (SELECT id FROM batch_items WHERE status = 'queued' ORDER BY position LIMIT 1)
    RETURNING id, batch_job_id, topic, parameters
\"\"\"


def claim(conn):
    with conn.cursor() as cur:
        cur.execute(CLAIM)
        return cur.fetchone()


def finish(conn, item_id, ok, message=None):
    with conn.cursor() as cur:
        cur.execute(
            "UPDATE batch_items SET status = %s, error_message = %s WHERE id = %s",
            ("completed" if ok else "{s3}", message, item_id),
        )
""" + "\n".join(f"\ndef step_{{i}}_{n}(x):\n    return [v * {n} for v in x if v]\n" for n in range(20))


def write_tree(root: str, files: int) -> None:
    shutil.rmtree(root, ignore_errors=True)
    kinds = [("ts", TS, 0.6), ("tsx", TSX, 0.1), ("js", JS, 0.1), ("py", PY, 0.2)]
    n = 0
    for ext, template, share in kinds:
        for k in range(int(files * share)):
            folder = os.path.join(root, "src", f"pkg{k % 50:02d}")
            os.makedirs(folder, exist_ok=True)
            s1, s2, s3 = (STATUSES[(n + d) % len(STATUSES)] for d in (0, 1, 3))
            with open(os.path.join(folder, f"f{n:05d}.{ext}"), "w", encoding="utf-8") as fh:
                fh.write(template.format(i=n, s1=s1, s2=s2, s3=s3))
            n += 1
    deps = os.path.join(root, "node_modules", "big-dependency")
    os.makedirs(deps, exist_ok=True)
    for k in range(500):  # never read: discovery leaves node_modules out
        with open(os.path.join(deps, f"d{k}.js"), "w", encoding="utf-8") as fh:
            fh.write("module.exports = () => db.from('nope').insert({ status: 'x' });\n")


def _serial_report(tree: str) -> str:
    """The JSON report of ``tree`` read by this one process (no worker processes)."""
    sys.path.insert(0, ROOT)
    from jobschema import api, report
    from jobschema.code import run

    run.PARALLEL_FROM = 10**9
    result = api.code([tree], SCHEMA)
    return report.render(result.findings, "json", rules=api.code_rules(f.code for f in result.findings))


def _commit() -> str:
    proc = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "jobschema"], capture_output=True, text=True,
                           cwd=ROOT).stdout.strip()
    return proc.stdout.strip() + ("+changes" if dirty else "")


# runs ``jobschema`` from the folder given first, ahead of an editable install of the working tree
_FROM_FOLDER = ("import runpy, sys; "
                "sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in repr(f).lower()]; "
                "sys.path.insert(0, sys.argv.pop(1)); "
                "runpy.run_module('jobschema', run_name='__main__', alter_sys=True)")


def _baseline(ref: str) -> str:
    """``jobschema/`` as it was at git ``ref``, unpacked under benchmarks/_work/baseline/."""
    folder = os.path.join(HERE, "_work", "baseline", ref.replace("/", "_"))
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    archive = subprocess.run(["git", "archive", ref, "jobschema"], capture_output=True, cwd=ROOT, check=True)
    subprocess.run(["tar", "-x", "-C", folder], input=archive.stdout, check=True)
    return folder


def _run(cmd: list[str], files: int) -> tuple[dict, str] | None:
    """One timed run: wall, CPU of the command and its workers, load average around it; and its output."""
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        print(proc.stderr, file=sys.stderr)
        return None
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "files_per_s": round(files / wall),
            "load_before": round(load, 2), "load_after": round(os.getloadavg()[0], 2)}, proc.stdout


def _summary(runs: list[dict], files: int) -> dict:
    wall = statistics.median(r["wall_s"] for r in runs)
    return {"median_wall_s": wall, "median_files_per_s": round(files / wall),
            "median_cpu_s": round(statistics.median(r["cpu_s"] for r in runs), 2),
            "quietest": min(runs, key=lambda r: (r["load_before"], r["wall_s"])), "runs": runs}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=5000)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--baseline", metavar="REF",
                    help="also time jobschema as at git REF, each run interleaved with the working tree's")
    ap.add_argument("--compare-serial", action="store_true",
                    help="check the report is byte-identical to a single-process read")
    ap.add_argument("--no-record", action="store_true", help="do not append to benchmarks/code-results.json")
    args = ap.parse_args(argv)
    root = os.path.join(HERE, "_work", "code")
    write_tree(root, args.files)
    tree = os.path.join(root, "src")
    lines = sum(sum(1 for _ in open(os.path.join(d, f), encoding="utf-8"))
                for d, _dirs, names in os.walk(tree) for f in names)
    tail = ["code", tree, "--schema", SCHEMA, "--format", "json"]
    variants = {"current": [sys.executable, "-m", "jobschema", *tail]}
    if args.baseline:
        variants[args.baseline] = [sys.executable, "-c", _FROM_FOLDER, _baseline(args.baseline), *tail]
    runs: dict[str, list[dict]] = {k: [] for k in variants}
    outputs: dict[str, str] = {}
    print(f"jobschema code on {args.files} files ({lines} lines, under {tree}); {os.cpu_count()} CPUs")
    for _ in range(args.reps):
        for name, cmd in variants.items():
            done = _run(cmd, args.files)
            if done is None:
                return 2
            runs[name].append(done[0])
            outputs[name] = done[1]
            r = done[0]
            print(f"  {name}: wall {r['wall_s']:.2f} s, {r['files_per_s']} files/s, CPU {r['cpu_s']:.2f} s, "
                  f"load average {r['load_before']:.2f} before, {r['load_after']:.2f} after")
    results = {name: _summary(rs, args.files) for name, rs in runs.items()}
    for name, res in results.items():
        quiet = res["quietest"]
        print(f"  {name}: median wall {res['median_wall_s']:.2f} s of {args.reps} runs "
              f"(min {min(r['wall_s'] for r in res['runs']):.2f}); {res['median_files_per_s']} files/s; "
              f"{lines / res['median_wall_s']:.0f} lines/s; median CPU {res['median_cpu_s']:.2f} s; quietest run "
              f"(load average {quiet['load_before']:.2f}): wall {quiet['wall_s']:.2f} s, CPU {quiet['cpu_s']:.2f} s")
    doc = json.loads(outputs["current"])
    print(f"  findings: {doc['summary']}")
    wall = results["current"]["median_wall_s"]
    print(f"  target: whole tree under 10 s -> {'met' if wall < 10 else 'NOT met'} (median)")
    same = {name: out == outputs["current"] for name, out in outputs.items() if name != "current"}
    for name, equal in same.items():
        print(f"  report identical to {name}'s: {'yes' if equal else 'no'}")
    identical = None
    if args.compare_serial:
        identical = _serial_report(tree) == outputs["current"]
        print(f"  single-process report byte-identical: {'yes' if identical else 'NO'}")
    if not args.no_record:
        path = os.path.join(HERE, "code-results.json")
        history = json.load(open(path, encoding="utf-8")) if os.path.exists(path) else []
        history.append({"date": time.strftime("%Y-%m-%d %H:%M"), "commit": _commit(), "files": args.files,
                        "lines": lines, "cpus": os.cpu_count(), "python": sys.version.split()[0],
                        **results.pop("current"), "serial_identical": identical, "summary": doc["summary"],
                        "baseline": {name: {**res, "report_identical": same[name]} for name, res in results.items()}})
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(history, fh, indent=1)
            fh.write("\n")
    return 0 if identical is not False else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
