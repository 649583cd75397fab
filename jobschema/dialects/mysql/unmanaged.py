"""What a MariaDB/MySQL table has that the schema format cannot describe, as ``UnmanagedItem``s whose detail
is the clause that creates it: partitioning (``PARTITION BY ...``), system versioning (``WITH SYSTEM
VERSIONING`` and the columns left out of it), sequences, and a key's options as written (``USING HASH``,
``KEY_BLOCK_SIZE=8``: only ``SHOW CREATE TABLE`` prints them; the renderer writes them into the key).
``inspect`` records them and audit compares the record with the database, so equal databases audit clean and a
differing one never does; a fix applies the recorded clause (``unmanaged_plan.py``).
"""

from __future__ import annotations

import re

from ...model.objects import UnmanagedItem
from ..base import quote_mysql
from . import showcreate

PARTITIONING = "partitioning"
VERSIONING = "system versioning"
SEQUENCE = "sequence"
KEY_OPTIONS = "key options"  # name: the key's (PRIMARY for the primary key)
KEY_PARTS = "key parts"  # the primary key's parts where one is DESC or a prefix: ``(`a`(10), `b` DESC)``


_COUNT_ONE = re.compile(r"\bPARTITIONS 1\b")


def key_options(module, table: str, key: str, kind: str = KEY_OPTIONS) -> str | None:
    """The recorded options (or, with ``kind=KEY_PARTS``, parts) of one key of ``module``, or None."""
    for u in module.unmanaged:
        if u.kind == kind and u.table == table and u.name.lower() == key.lower():
            return u.detail
    return None


def primary_key_parts(index_rows: list[dict]) -> dict[str, str]:
    """Table → its primary key's parts as SHOW CREATE prints them, for the keys with a DESC or prefix part
    (the model's PrimaryKey holds column names only)."""
    by_table: dict[str, list[dict]] = {}
    for r in index_rows:
        if r.get("index_name") == "PRIMARY" and r.get("column_name"):
            by_table.setdefault(r["table_name"], []).append(r)
    out = {}
    for table, rows in by_table.items():
        if any(r.get("sub_part") or r.get("collation") == "D" for r in rows):
            rows.sort(key=lambda r: r["seq_in_index"])
            out[table] = "(" + ",".join(quote_mysql(r["column_name"]) + (f"({r['sub_part']})" if r.get("sub_part")
                                        else "") + (" DESC" if r.get("collation") == "D" else "") for r in rows) + ")"
    return out


def partition_clause(rows: list[dict], create_table: str | None = None) -> str:
    """``PARTITION BY ...`` of one table from its PARTITIONS rows, spelled as MariaDB prints it: ``PARTITIONS n``
    when HASH or KEY partitions carry the default names p0..pn-1, else each partition with its bounds. A single
    default partition has ``PARTITIONS 1`` only where the table's ``SHOW CREATE TABLE`` (``create_table``) prints
    it: the server remembers whether the count was written, and a fix must write what the schema's table has."""
    first = rows[0]
    method = (first.get("partition_method") or "").upper()
    expression = first.get("partition_expression") or ""
    names: list[str] = []
    bounds: dict[str, str | None] = {}
    subs: dict[str, list[str]] = {}
    for r in rows:
        name = r["partition_name"]
        if name not in bounds:
            names.append(name)
            bounds[name] = r.get("partition_description")
        if r.get("subpartition_name"):
            subs.setdefault(name, []).append(r["subpartition_name"])
    columns = method.endswith("COLUMNS")
    head = f"PARTITION BY {method}({expression})" if columns else f"PARTITION BY {method} ({expression})"
    if first.get("subpartition_method"):
        head += f" SUBPARTITION BY {first['subpartition_method'].upper()} ({first.get('subpartition_expression')})"
        head += f" SUBPARTITIONS {len(subs.get(names[0], []))}"
    if method.replace("LINEAR ", "") in ("HASH", "KEY") and names == [f"p{i}" for i in range(len(names))]:
        if len(names) == 1 and not _COUNT_ONE.search(create_table or ""):
            return head
        return f"{head} PARTITIONS {len(names)}"
    parts = []
    for name in names:
        bound = bounds[name]
        if method.startswith("RANGE"):
            value = "MAXVALUE" if (bound or "").upper() == "MAXVALUE" else f"({bound})"
            parts.append(f"PARTITION {quote_mysql(name)} VALUES LESS THAN {value}")
        elif method.startswith("LIST"):
            parts.append(f"PARTITION {quote_mysql(name)} VALUES IN ({bound})")
        else:
            parts.append(f"PARTITION {quote_mysql(name)}")
    return f"{head} ({', '.join(parts)})"


def items(table_rows: list[dict], column_rows: list[dict], partition_rows: list[dict],
          namespace: str, create_tables: dict[str, str] | None = None,
          index_rows: list[dict] | None = None) -> tuple[UnmanagedItem, ...]:
    """The unmanaged facts of one database, one per partitioned table, system-versioned table, sequence,
    key with options (read from ``create_tables``, each table's ``SHOW CREATE TABLE`` text) and primary key with
    DESC or prefix parts (from ``index_rows``)."""
    out: list[UnmanagedItem] = []
    for table, parts in sorted(primary_key_parts(index_rows or []).items()):
        out.append(UnmanagedItem(KEY_PARTS, "PRIMARY", namespace, table, parts))
    for table, text in sorted((create_tables or {}).items()):
        for key, options in sorted(showcreate.key_options(text).items()):
            out.append(UnmanagedItem(KEY_OPTIONS, key, namespace, table, options))
    by_table: dict[str, list[dict]] = {}
    for r in partition_rows:
        by_table.setdefault(r["table_name"], []).append(r)
    unversioned: dict[str, list[str]] = {}
    for r in column_rows:
        if "without system versioning" in (r.get("extra") or "").lower():
            unversioned.setdefault(r["table_name"], []).append(r["column_name"])
    for r in table_rows:
        name, kind = r["table_name"], (r.get("table_type") or "").upper()
        if kind == "SEQUENCE":
            out.append(UnmanagedItem(SEQUENCE, name, namespace, None, "SEQUENCE"))
            continue
        if kind == "SYSTEM VERSIONED":
            left = unversioned.get(name, [])
            detail = "WITH SYSTEM VERSIONING" + (f" (columns without: {', '.join(left)})" if left else "")
            out.append(UnmanagedItem(VERSIONING, name, namespace, None, detail))
        if name in by_table:
            out.append(UnmanagedItem(PARTITIONING, name, namespace, None,
                                     partition_clause(by_table[name], (create_tables or {}).get(name))))
        elif "partitioned" in (r.get("create_options") or "").lower():
            out.append(UnmanagedItem(PARTITIONING, name, namespace, None, "PARTITIONED"))
    return tuple(out)
