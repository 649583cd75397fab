"""How fast ``jobschema code`` reads an application: files per second on a generated tree.

    python benchmarks/code.py [--files 5000] [--reps 3]

Writes a tree of ``--files`` source files under benchmarks/_work/code/ — TypeScript services (Supabase
chains, filter objects, SQL in template literals, a status union), TSX components, JavaScript (Knex) and
Python workers (psycopg SQL with %s parameters, an Enum), about 90 lines each, with a node_modules folder
that must not be read — then runs ``jobschema code TREE --schema tests/cases/code/schema --format json``
as its own process ``--reps`` times and prints the median wall time and files per second. The target is
the whole tree in under 10 s on the project's 2-core machine.
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


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=5000)
    ap.add_argument("--reps", type=int, default=3)
    args = ap.parse_args(argv)
    root = os.path.join(HERE, "_work", "code")
    write_tree(root, args.files)
    lines = sum(sum(1 for _ in open(os.path.join(d, f), encoding="utf-8"))
                for d, _dirs, names in os.walk(os.path.join(root, "src")) for f in names)
    cmd = [sys.executable, "-m", "jobschema", "code", os.path.join(root, "src"), "--schema", SCHEMA,
           "--format", "json"]
    times, cpus, doc = [], [], None
    load_before = os.getloadavg()
    for _ in range(args.reps):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the command and its worker processes
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if proc.returncode not in (0, 1):
            print(proc.stderr, file=sys.stderr)
            return 2
        doc = json.loads(proc.stdout)
    wall = statistics.median(times)
    print(f"jobschema code on {args.files} files ({lines} lines, under {root}/src)")
    print(f"  median wall {wall:.2f} s of {args.reps} runs (min {min(times):.2f}, max {max(times):.2f}); "
          f"{args.files / wall:.0f} files/s; {lines / wall:.0f} lines/s")
    print(f"  CPU time (user + system, all processes) median {statistics.median(cpus):.2f} s; "
          f"{os.cpu_count()} CPUs; load average before {load_before[0]:.2f}, after {os.getloadavg()[0]:.2f}")
    print(f"  findings: {doc['summary']}")
    print(f"  target: whole tree under 10 s -> {'met' if wall < 10 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
