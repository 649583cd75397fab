"""Terminal output of ``jobschema migrate``: a progress bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ...migrate.directory import has_directive
from ...migrate.executor import Events
from ...names import STEP_DIRECTIVE
from ...report.text import printable
from .terminal import stderr, stdout


def safe(text: str) -> str:
    """A name from a file or the database, shown as text: control characters escaped, no rich markup."""
    return escape(printable(str(text)))


class PlainEvents(Events):
    def __init__(self):
        self.err = stderr()

        self.out = stdout()

    def waiting_for_lock(self) -> None:
        self.err.print("waiting for another jobschema migrate to finish…")

    def file_done(self, module, file, duration_ms) -> None:
        self.out.print(f"applied {safe(module)}/{safe(file.name)} ({duration_ms} ms{_mode(file)})")

    def retrying(self, module, file, number, attempt, wait_ms, holders) -> None:
        who = "; ".join(holders) or "a session that has gone since"
        self.err.print(f"{safe(module)}/{safe(file.name)} step {number}: lock not granted in time (held by: "
                       f"{safe(who)}); try {attempt + 1} in {wait_ms / 1000:g}s")

    def recovered(self, module, file, number, line, done) -> None:
        what = "had finished; continuing after it" if done else "had not happened; running it again"
        self.err.print(f"{safe(module)}/{safe(file.name)} step {number}: the statement at line {line}, which "
                       f"the last run died in, {what}")

    def close(self) -> None: ...


def _mode(file) -> str:
    if has_directive(file.text, STEP_DIRECTIVE, anywhere=True):
        return ", step by step"
    return "" if file.transactional else ", no transaction"


class BarEvents(PlainEvents):
    """One bar over all statements of the run, labelled with the file being applied."""

    def __init__(self):
        super().__init__()
        self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TimeElapsedColumn(), console=stdout(), transient=True)
        self.task = None
        self.started = False

    def start(self, total: int) -> None:
        self.rows = None
        if total:
            self.progress.start()
            self.started = True
            self.task = self.progress.add_task("migrating", total=total)

    def file_started(self, module, file, statements) -> None:
        if self.task is not None:
            self.progress.update(self.task, description=safe(f"{module}/{file.name}"))

    def file_done(self, module, file, duration_ms) -> None:
        if self.task is not None:
            self.progress.advance(self.task)
        self.progress.console.print(f"applied {safe(module)}/{safe(file.name)} ({duration_ms} ms{_mode(file)})")

    wants_totals = True

    def batches_started(self, module, file, number, rows) -> None:
        self.rows = self.progress.add_task(safe(f"{module}/{file.name} step {number}: rows"), total=rows)

    def batch_done(self, module, file, number, rows_done) -> None:
        self.progress.update(self.rows, completed=rows_done)

    def statement_done(self, module, file, index) -> None:
        if getattr(self, "rows", None) is not None:
            self.progress.remove_task(self.rows)
            self.rows = None

    def close(self) -> None:
        if self.started:
            self.progress.stop()


def events() -> PlainEvents:
    return BarEvents() if stdout().is_terminal else PlainEvents()


def print_result(result) -> None:
    out = stdout()
    _left_out(getattr(result, "left_out", []))
    where = f"{result.dialect} {result.database}".rstrip()
    for module, name in result.baselined:
        verb = "would record" if result.dry_run else "recorded"
        out.print(f"{verb} {safe(module)}/{safe(name)} as applied (baseline, not run)")
    if result.dry_run:
        for module, f in result.pending:
            mode = "" if f.transactional else " (no transaction)"
            out.print(f"would apply {safe(module)}/{safe(f.name)}{mode}")
        out.print(f"{len(result.pending)} file(s) pending on {safe(where)}; nothing changed (dry run)")
    else:
        n = len(result.applied)
        out.print(f"{n} file(s) applied to {safe(where)}" if n else f"{safe(where)} is up to date")
    sys.stdout.flush()


_STYLE = {"applied": "green", "baseline": "green", "resolved": "green", "pending": "yellow", "failed": "red",
          "interrupted": "red", "edited": "red", "missing": "red"}


def _left_out(modules) -> None:
    if modules:
        stderr().print(f"left out: the folders of {safe(', '.join(modules))} (this database has applied none of "
                       "their files; pass --module NAME to run one)")


def print_status(rows) -> None:
    """One row per file, file names never cut: piped output is as wide as its longest row, and on a
    terminal the detail column wraps instead."""
    out = stdout()
    _left_out(getattr(rows, "left_out", []))
    if not rows:
        out.print("no migration files")
        return
    table = Table(show_edge=False, pad_edge=False, box=None)
    longest = max(len(printable(r.name)) for r in rows)
    for col in ("module", "file", "state", "applied at", "ms", "detail"):
        if col == "file":
            table.add_column(col, no_wrap=True, min_width=longest)
        elif col == "detail":
            table.add_column(col, overflow="fold")
        else:
            table.add_column(col, no_wrap=True, justify="right" if col == "ms" else "left")
    cells = []
    for r in rows:
        style = _STYLE.get(r.state, "")
        cells.append((printable(r.module), printable(r.name), r.state,
                      r.applied_at.strftime("%Y-%m-%d %H:%M:%S") if r.applied_at else "",
                      "" if r.duration_ms is None else str(r.duration_ms), printable(r.detail or "")))
        module, name, state, at, ms, detail = cells[-1]
        table.add_row(escape(module), escape(name), f"[{style}]{state}[/{style}]" if style else state, at, ms,
                      escape(detail))
    if not out.is_terminal:  # piped: as wide as the rows, so a file name is never cut
        width = sum(max(len(c[i]) for c in cells) for i in range(6)) + 2 * 6 + 30
        out = Console(highlight=False, soft_wrap=True, width=max(out.width, width))
    out.print(table)
    pending = sum(1 for r in rows if r.state == "pending")
    bad = sum(1 for r in rows if r.state in ("failed", "interrupted", "edited", "missing"))
    out.print(f"{len(rows)} file(s): {pending} pending, {bad} needing attention")
    sys.stdout.flush()
