"""Terminal output of ``jobschema migrate``: a progress bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import sys

from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ...migrate.executor import Events
from .terminal import stderr, stdout


class PlainEvents(Events):
    def __init__(self):
        self.err = stderr()

        self.out = stdout()

    def waiting_for_lock(self) -> None:
        self.err.print("waiting for another jobschema migrate to finish…")

    def file_done(self, module, file, duration_ms) -> None:
        mode = "" if file.transactional else ", no transaction"
        self.out.print(f"applied {escape(module)}/{escape(file.name)} ({duration_ms} ms{mode})")

    def close(self) -> None: ...


class BarEvents(PlainEvents):
    """One bar over all statements of the run, labelled with the file being applied."""

    def __init__(self):
        super().__init__()
        self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TimeElapsedColumn(), console=stdout(), transient=True)
        self.task = None
        self.started = False

    def start(self, total: int) -> None:
        if total:
            self.progress.start()
            self.started = True
            self.task = self.progress.add_task("migrating", total=total)

    def file_started(self, module, file, statements) -> None:
        if self.task is not None:
            self.progress.update(self.task, description=escape(f"{module}/{file.name}"))

    def file_done(self, module, file, duration_ms) -> None:
        if self.task is not None:
            self.progress.advance(self.task)
        mode = "" if file.transactional else ", no transaction"
        self.progress.console.print(f"applied {escape(module)}/{escape(file.name)} ({duration_ms} ms{mode})")

    def close(self) -> None:
        if self.started:
            self.progress.stop()


def events() -> PlainEvents:
    return BarEvents() if stdout().is_terminal else PlainEvents()


def print_result(result) -> None:
    out = stdout()
    where = f"{result.dialect} {result.database}".rstrip()
    for module, name in result.baselined:
        verb = "would record" if result.dry_run else "recorded"
        out.print(f"{verb} {escape(module)}/{escape(name)} as applied (baseline, not run)")
    if result.dry_run:
        for module, f in result.pending:
            mode = "" if f.transactional else " (no transaction)"
            out.print(f"would apply {escape(module)}/{escape(f.name)}{mode}")
        out.print(f"{len(result.pending)} file(s) pending on {escape(where)}; nothing changed (dry run)")
    else:
        n = len(result.applied)
        out.print(f"{n} file(s) applied to {escape(where)}" if n else f"{escape(where)} is up to date")
    sys.stdout.flush()


_STYLE = {"applied": "green", "baseline": "green", "resolved": "green", "pending": "yellow", "failed": "red",
          "interrupted": "red", "edited": "red", "missing": "red"}


def print_status(rows) -> None:
    out = stdout()
    if not rows:
        out.print("no migration files")
        return
    table = Table(show_edge=False, pad_edge=False, box=None)
    for col in ("module", "file", "state", "applied at", "ms", "detail"):
        table.add_column(col, justify="right" if col == "ms" else "left")
    for r in rows:
        style = _STYLE.get(r.state, "")
        table.add_row(escape(r.module), escape(r.name), f"[{style}]{r.state}[/{style}]" if style else r.state,
                      r.applied_at.strftime("%Y-%m-%d %H:%M:%S") if r.applied_at else "",
                      "" if r.duration_ms is None else str(r.duration_ms), escape(r.detail or ""))
    out.print(table)
    pending = sum(1 for r in rows if r.state == "pending")
    bad = sum(1 for r in rows if r.state in ("failed", "interrupted", "edited", "missing"))
    out.print(f"{len(rows)} file(s): {pending} pending, {bad} needing attention")
    sys.stdout.flush()
