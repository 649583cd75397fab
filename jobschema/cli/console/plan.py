"""Terminal output of ``jobschema plan`` and ``audit --write-migration``."""

from __future__ import annotations

import json
import sys

from rich.markup import escape

from ...plan.steps import describe
from ...report.text import printable
from .terminal import stderr, stdout


def print_omitted(planned, err: bool = False) -> None:
    out = stderr() if err else stdout()
    for o in planned.plan.omitted:
        out.print(f"[yellow]left out[/yellow]: {escape(printable(describe(o.change)))} — {escape(printable(o.reason))}")
    for n in planned.plan.notes:
        out.print(f"[yellow]note[/yellow]: {escape(printable(n))}")


def print_plan(planned, fmt: str = "text") -> None:
    """The migration text on stdout (so it can be redirected); on stderr the steps (transaction, lock, what
    they do to the table) and what was left out. ``json``: all of it as one object on stdout."""
    if fmt == "json":
        sys.stdout.write(json.dumps(planned.plan.as_dict() | {"sql": planned.text}, indent=2, sort_keys=True,
                                    ensure_ascii=False) + "\n")
        sys.stdout.flush()
        return
    if planned.plan.empty:
        stderr().print("nothing to fix: the plan is empty")
    else:
        sys.stdout.write(planned.text)
        sys.stdout.flush()
        for unit in planned.plan.units():
            stderr().print(escape(printable(unit.describe())), highlight=False)
    print_omitted(planned, err=True)


def print_written(planned, err: bool = False) -> None:
    out = stderr() if err else stdout()
    if planned.written is None:
        out.print("no migration written: nothing the plan can fix")
    else:
        n = sum(1 for s in planned.plan.steps if s.phase != "prelude")
        out.print(f"wrote {escape(printable(planned.written.path))} ({n} step(s)); review it, then run "
                  "`jobschema migrate`")
    print_omitted(planned, err=err)
    sys.stdout.flush()
