"""Fix migrations pass jobschema's own ``lint``: a deliberate form a migration rule flags carries its reason.

The planner writes the safest form it has (legacy values rewritten before a constraint, ``NOT VALID`` then
``VALIDATE``). Where that form is still one a rule flags — a plain ``CREATE INDEX`` inside the file's one
transaction when ``--concurrently`` was not asked for, MySQL's ENUM widen → rewrite → narrow, which copies the
table, an identity column that must number every row, a key whose index is built in its own statement, no
statement timeout — the statement gets a ``-- jobschema:ignore CODE reason`` line saying why, so ``lint`` and
``check`` pass on what jobschema wrote and a reviewer reads the trade-off. A finding without a reason here is
left in the file for ``lint`` to report: a new rule is never silenced by default.
"""

from __future__ import annotations

from .lint.migration import parse_file
from .lint.registry import Selection
from .lint.runner import lint_migration

REASONS = {
    "JS202": "the fix was written without --concurrently, so it runs as one transaction a failure rolls back "
             "whole; the index build blocks writes to the table while it runs (for a table that takes writes, "
             "write the fix again with --concurrently)",
    "JS205": "a type change that keeps every row (each value is converted or remapped, none dropped); it "
             "rewrites or copies the table under a lock, so run it when that is acceptable (or through an online "
             "schema change tool)",
    "JS208": "jobschema's fixes bound how long a statement waits for its lock (the lock timeout set first), not "
             "how long it runs: a statement timeout would stop the long steps (batched rewrites, constraint "
             "validation) halfway on a large table",
    "JS211": "an identity or stored generated column needs a value in every existing row, and the server has no "
             "way to add one without rewriting the table (a column with a volatile default is added bare and "
             "backfilled instead); run it when the table can be locked for the rewrite",
    "JS212": "the key is added in one statement, so its unique index is built while the table is locked; to keep "
             "the table available, build the index first with CREATE UNIQUE INDEX CONCURRENTLY and plan again: "
             "the fix then attaches it with USING INDEX",
    "JS216": "jobschema migrate records how far a file without a transaction got and runs it again only after "
             "`jobschema migrate resolve` says what happened, so a retry never repeats these statements blindly; "
             "IF [NOT] EXISTS would instead hide a misnamed constraint or the INVALID index a failed CONCURRENTLY "
             "build leaves",
}


def annotate(text: str, dialect: str) -> str:
    """``text`` (a rendered fix migration) with a reasoned suppression above each statement that a rule, of
    all registered ones, flags for a deliberate choice listed in ``REASONS``."""
    mf = parse_file(f"fix.{dialect}.sql", text, dialect)
    found = lint_migration(mf, Selection.build(["JS"])).findings  # info too: what jobschema writes lints clean
    codes: dict[int, set[str]] = {}
    for f in found:
        line = f.data.get("statement_line")
        if f.code in REASONS and isinstance(line, int):
            codes.setdefault(line, set()).add(f.code)
    if not codes:
        return text
    lines = text.split("\n")
    for line in sorted(codes, reverse=True):  # from the bottom, so earlier line numbers stay right
        lines[line - 1:line - 1] = [f"-- jobschema:ignore {code} {REASONS[code]}" for code in sorted(codes[line])]
    return "\n".join(lines)
