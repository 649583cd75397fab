"""How each planned PostgreSQL statement behaves on a busy table: the lock it takes (the modes of the
PostgreSQL manual's "Explicit Locking" table), whether it scans or rewrites the rows while holding it, and
whether a data step runs in primary-key batches. ``plan.steps.group`` turns these into the file's units;
``docs/migrations.md`` lists the same table for people."""

from __future__ import annotations

from ...plan.steps import Step
from ..online_words import has, primary_key, words

AE, SUE, SRE, SHARE, RE = "ACCESS EXCLUSIVE", "SHARE UPDATE EXCLUSIVE", "SHARE ROW EXCLUSIVE", "SHARE", "ROW EXCLUSIVE"
_DATA = ("rewrite_values", "backfill")


def facts(step: Step) -> dict:
    st = step.statement
    ws = words(st.sql, "postgres")
    head = ws[:2]
    c = step.source
    out: dict = {"table": st.table or (c.qualified_table if c is not None and c.table else None)}
    if step.phase in ("prelude", "epilogue") and ws and ws[0] in ("SET", "RESET"):
        return {"session": True, "lock": None, "table": None}
    lock, scans, rewrites = None, False, False
    if ws and ws[0] in ("UPDATE", "INSERT", "DELETE"):
        lock = RE
        if ws[0] == "UPDATE" and step.phase in _DATA and ";" not in st.sql.rstrip().rstrip(";"):
            out["batch_key"] = primary_key(step)
    elif has(head, "CREATE", "INDEX") or has(ws[:3], "CREATE", "UNIQUE", "INDEX"):
        lock, scans = (SUE if "CONCURRENTLY" in ws[:4] else SHARE), True
    elif has(head, "DROP", "INDEX"):
        lock = SUE if "CONCURRENTLY" in ws[:3] else AE
    elif has(head, "ALTER", "TABLE"):
        lock = AE
        if has(ws, "VALIDATE", "CONSTRAINT"):
            lock, scans = SUE, True
        elif has(ws, "FOREIGN", "KEY"):
            lock, scans = SRE, not st.not_valid
        elif has(ws, "ADD", "CONSTRAINT") or has(ws, "ADD", "CHECK") or has(ws, "ADD", "PRIMARY") \
                or has(ws, "ADD", "UNIQUE"):
            scans = not st.not_valid
        if has(ws, "ALTER", "COLUMN", "*", "TYPE") or has(ws, "ALTER", "*", "TYPE"):
            rewrites = True  # unless the types are binary-compatible; the plan says the worst case
        if has(ws, "SET", "NOT", "NULL"):
            scans = True
    elif has(head, "CREATE", "TRIGGER") or has(ws[:4], "CREATE", "OR", "REPLACE", "TRIGGER"):
        lock = SRE
    elif has(head, "COMMENT", "ON") and len(ws) > 2 and ws[2] in ("TABLE", "COLUMN"):
        lock = SUE
    elif (ws[:1] == ["DROP"] and len(ws) > 1 and ws[1] in ("TABLE", "VIEW", "TRIGGER", "POLICY", "MATERIALIZED")) \
            or has(head, "CREATE", "POLICY") or has(head, "ALTER", "POLICY") \
            or has(ws[:4], "CREATE", "OR", "REPLACE", "VIEW"):
        lock = AE
    elif has(head, "REFRESH", "MATERIALIZED"):
        lock, scans = ("EXCLUSIVE" if "CONCURRENTLY" in ws[:4] else AE), True
    if (st.lock or lock) is None:
        out["table"] = None  # a new object, a function, a type: no lock on a live table
    # a builder that knows better (a table rebuilt: it starts with CREATE TABLE) says so on the statement
    out.update(lock=st.lock or lock, scans=st.scans or scans, rewrites=st.rewrites or rewrites)
    return out
