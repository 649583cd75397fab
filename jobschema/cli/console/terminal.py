"""Terminal output shared by commands: rich tables on a terminal, plain text when piped.

rich honours NO_COLOR and detects terminals itself; everything user-facing is printed from here.
"""

from __future__ import annotations

import sys

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ...report.text import printable


def stdout() -> Console:
    return Console(highlight=False, soft_wrap=True)


def stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def print_generate(result) -> None:
    out, err = stdout(), stderr()
    if result.warnings and not err.is_terminal:  # piped: plain lines, no markup to render
        sys.stderr.write("".join(f"warning: {printable(str(w))}\n" for w in result.warnings))
        sys.stderr.flush()
    elif result.warnings:  # one print call: thousands of warnings must not cost seconds
        err.print("\n".join(f"[yellow]warning[/yellow]: {escape(printable(str(w)))}" for w in result.warnings),
                  markup=True)
    if result.checked:
        for st in result.differing:
            verb = {"changed": "differs", "new": "missing", "stale": "no longer generated"}[st.state]
            out.print(f"{escape(printable(st.path))}: {verb}")
    else:
        for st in result.differing:
            verb = {"changed": "updated", "new": "created", "stale": "removed"}[st.state]
            out.print(f"{verb} {escape(printable(st.path))}")
    table = Table(show_edge=False, pad_edge=False, box=None)
    for col in ("module", "dialect", "tables", "views", "policies", "warnings"):
        table.add_column(col, justify="left" if col in ("module", "dialect") else "right")
    for r in result.rows:
        table.add_row(escape(printable(r.module)), r.dialect, str(r.tables), str(r.views), str(r.policies),
                      str(r.warnings))
    out.print(table)
    n = len(result.differing)
    if result.checked:
        out.print(f"{n} file(s) out of date" if n else "generated files are up to date")
    else:
        out.print(f"{len(result.files)} file(s), {n} changed")
    sys.stdout.flush()


def print_docs(result) -> None:
    out = stdout()
    verbs = ({"changed": "differs", "new": "missing", "stale": "no longer generated"} if result.checked
             else {"changed": "updated", "new": "created", "stale": "removed"})
    for st in result.differing:
        if result.checked:
            out.print(f"{escape(printable(st.path))}: {verbs[st.state]}")
        else:
            out.print(f"{verbs[st.state]} {escape(printable(st.path))}")
    n = len(result.differing)
    scope = f"{len(result.modules)} module(s), {result.tables} table(s)"
    if result.checked:
        out.print(f"{scope}: {n} page(s) out of date (run `jobschema docs`)" if n else f"{scope}: docs are up to date")
    else:
        out.print(f"{scope}: {len(result.files)} page(s), {n} changed")
    sys.stdout.flush()
