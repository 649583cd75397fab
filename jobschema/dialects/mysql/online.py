"""How each planned MySQL/MariaDB statement behaves on a busy table: the algorithm InnoDB uses (INSTANT and
INPLACE leave the rows where they are; COPY copies the table) and the ``LOCK=`` level it allows concurrent
DML at (NONE: reads and writes go on; SHARED: reads only), after the MariaDB and MySQL online-DDL tables.
Every DDL statement also takes a short exclusive metadata lock at its start and end, which
``lock_wait_timeout`` bounds. Data steps run in primary-key batches."""

from __future__ import annotations

from ...plan.steps import Step
from ..online_words import has, primary_key, words

_DATA = ("rewrite_values", "backfill")


def facts(step: Step) -> dict:
    st = step.statement
    ws = words(st.sql, "mysql")
    head = ws[:2]
    c = step.source
    out: dict = {"table": c.table if c is not None and c.table else None}
    if step.phase in ("prelude", "epilogue") and ws and ws[0] in ("SET", "RESET"):
        return {"session": True, "lock": None, "table": None}
    lock, algorithm, scans, rewrites = None, None, False, False
    if ws and ws[0] in ("UPDATE", "INSERT", "DELETE"):
        lock = "NONE"
        if ws[0] == "UPDATE" and step.phase in _DATA and ";" not in st.sql.rstrip().rstrip(";"):
            out["batch_key"] = primary_key(step)
    elif has(head, "CREATE", "INDEX") or has(ws[:3], "CREATE", "UNIQUE", "INDEX") \
            or (has(head, "ALTER", "TABLE") and (has(ws, "ADD", "INDEX") or has(ws, "ADD", "UNIQUE")
                                                  or has(ws, "ADD", "KEY") or has(ws, "ADD", "PRIMARY"))):
        lock, algorithm, scans = "NONE", "INPLACE", True
    elif has(head, "ALTER", "TABLE"):
        lock, algorithm = "NONE", "INSTANT"
        if step.phase == "widen_values":
            pass  # ENUM values appended at the end: a metadata change
        elif has(ws, "ADD", "CONSTRAINT") or has(ws, "ADD", "CHECK") or has(ws, "ADD", "FOREIGN") \
                or has(ws, "MODIFY") or has(ws, "CHANGE") or has(ws, "CONVERT", "TO"):
            # a CHECK or foreign key checks every row, a column redefinition copies the table
            lock, algorithm, rewrites = "SHARED", "COPY", True
        elif has(ws, "DROP", "INDEX") or has(ws, "DROP", "KEY") or has(ws, "DROP", "PRIMARY"):
            algorithm = "INPLACE"
    elif has(head, "DROP", "INDEX"):
        lock, algorithm = "NONE", "INPLACE"
    elif ws[:1] == ["DROP"] and len(ws) > 1 and ws[1] in ("TABLE", "VIEW", "TRIGGER"):
        lock = "EXCLUSIVE"
    elif ws[:1] == ["CREATE"] and "TRIGGER" in ws[:6]:
        lock = "EXCLUSIVE"
    if lock is None:
        out["table"] = None
    out.update(lock=lock, algorithm=algorithm, scans=scans, rewrites=rewrites)
    return out
