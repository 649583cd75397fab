"""Terminal output of ``jobschema plan`` and ``audit --write-migration``."""

from __future__ import annotations

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


def print_plan(planned) -> None:
    """The migration text on stdout (so it can be redirected), what was left out on stderr."""
    if planned.plan.empty:
        stderr().print("nothing to fix: the plan is empty")
    else:
        sys.stdout.write(planned.text)
        sys.stdout.flush()
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
