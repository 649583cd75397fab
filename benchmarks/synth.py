"""Write a synthetic module of N job tables shaped like the shipped ones, for benchmarks.

Each table: uuid key, tenant column, enum status (a CHECK on PostgreSQL, ENUM on MySQL), jsonb payload,
counters, timestamptz columns, three indexes (one partial), an FK to a shared tenants table, an RLS policy;
and one view per ten tables.
"""

from __future__ import annotations

import argparse
import os

TABLE = """\
table: {name}
comment: Synthetic job table {i}.
columns:
  - {{name: id, type: uuid, nullable: false, default: gen_random_uuid()}}
  - {{name: tenant_id, type: varchar(64), nullable: false}}
  - name: status
    type: text
    nullable: false
    default: queued
    enum: [queued, processing, paused, completed, failed, cancelled]
  - {{name: kind, type: varchar(32), nullable: false, default: generic}}
  - {{name: payload, type: jsonb, nullable: false, default: {{}}}}
  - {{name: result, type: jsonb}}
  - {{name: priority, type: integer, nullable: false, default: 0}}
  - {{name: total_items, type: integer, nullable: false, default: 0}}
  - {{name: done_items, type: integer, nullable: false, default: 0}}
  - {{name: failed_items, type: integer, nullable: false, default: 0}}
  - {{name: attempts, type: integer, nullable: false, default: 0}}
  - {{name: error, type: text}}
  - {{name: scheduled_at, type: timestamptz}}
  - {{name: started_at, type: timestamptz}}
  - {{name: finished_at, type: timestamptz}}
  - {{name: created_at, type: timestamptz, nullable: false, default: now()}}
  - {{name: updated_at, type: timestamptz, nullable: false, default: now()}}
primary_key: [id]
indexes:
  - {{name: {name}_tenant_status_idx, columns: [tenant_id, status]}}
  - {{name: {name}_created_idx, columns: [created_at]}}
  - {{name: {name}_queued_idx, columns: [scheduled_at], where: "status = 'queued'"}}
foreign_keys:
  - {{name: {name}_tenant_fkey, columns: [tenant_id], references: tenants(tenant_id), on_delete: cascade}}
checks:
  - {{name: {name}_counts_check, expression: "done_items + failed_items <= total_items"}}
rls:
  enabled: true
  policies:
    - {{name: {name}_tenant_isolation, using: "tenant_id = current_setting('app.tenant_id', true)"}}
"""

TENANTS = """\
table: tenants
comment: Tenants.
columns:
  - {name: tenant_id, type: varchar(64), nullable: false}
  - {name: name, type: text}
primary_key: [tenant_id]
"""

VIEW = """\
CREATE VIEW {name} AS
SELECT t.tenant_id, t.status, count(*) AS jobs
FROM {table} t
GROUP BY t.tenant_id, t.status;
"""


def write(root: str, n: int, module: str = "bench") -> str:
    folder = os.path.join(root, module)
    os.makedirs(os.path.join(folder, "tables"), exist_ok=True)
    os.makedirs(os.path.join(folder, "views"), exist_ok=True)
    with open(os.path.join(folder, "module.yaml"), "w") as fh:
        fh.write(f"module: {module}\ndescription: Synthetic benchmark module of {n} job tables.\n")
    with open(os.path.join(folder, "tables", "tenants.yaml"), "w") as fh:
        fh.write(TENANTS)
    for i in range(n):
        name = f"job_{i:05d}"
        with open(os.path.join(folder, "tables", f"{name}.yaml"), "w") as fh:
            fh.write(TABLE.format(name=name, i=i))
        if i % 10 == 0:
            with open(os.path.join(folder, "views", f"v_{name}.sql"), "w") as fh:
                fh.write(VIEW.format(name=f"v_{name}", table=name))
    return folder


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("root")
    ap.add_argument("--tables", type=int, default=100)
    args = ap.parse_args()
    print(write(args.root, args.tables))
