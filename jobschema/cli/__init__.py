"""The ``jobschema`` command group: click only, one module per subcommand, no logic here.

Every ``JobschemaError`` becomes one line on stderr and exit 2; heavy modules (sqlglot, drivers) are
imported inside the commands so ``jobschema --help`` stays fast.
"""

from __future__ import annotations

import os
import sys

import click

from ..connect import scrub_known
from ..errors import ExitCode, JobschemaError

_closed_stdout: list[bool] = []  # set when a command's standard output was closed by its reader
_HELD: list | None = None  # what ``hold`` keeps; a list only in a process started through ``run``


def hold(value):
    """Keep ``value`` (a command's model, hundreds of thousands of objects at 3,000 tables) until the
    process ends, so ``run`` ends it without freeing them one by one (a second on a big audit); a no-op
    when the commands run inside another program (tests)."""
    if _HELD is not None:
        _HELD.append(value)
    return value


class GuardedStdout:
    """Standard output that a reader may close early (``jobschema migrate | head -1``): the first failed
    write marks it closed and later output is dropped, so the command finishes its work (a migration is
    never stopped halfway by a closed pipe) and says on stderr that its output was cut."""

    def __init__(self, stream):
        self._stream = stream
        self.closed_early = False

    def _guard(self, fn, *args):
        if self.closed_early:
            return None
        try:
            return fn(*args)
        except (BrokenPipeError, ValueError, OSError) as exc:
            if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError) and exc.errno not in (32, 9):
                raise
            self.closed_early = True
            return None

    def write(self, text):
        self._guard(self._stream.write, text)
        return len(text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        self._guard(self._stream.flush)

    def __getattr__(self, name):
        return getattr(self._stream, name)


class Group(click.Group):
    def invoke(self, ctx: click.Context):
        guarded = GuardedStdout(sys.stdout)
        sys.stdout = guarded
        try:
            return self._invoke(ctx)
        finally:
            sys.stdout = guarded._stream
            if guarded.closed_early:
                _closed_stdout.append(True)
                click.echo("jobschema: standard output was closed before the command finished; it ran to its end, "
                           "the rest of its output was not shown", err=True)

    def _invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except JobschemaError as exc:
            for line in scrub_known(str(exc)).splitlines() or [type(exc).__name__]:
                click.echo(f"jobschema: {line}", err=True)
            ctx.exit(int(exc.exit_code))
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("jobschema: interrupted", err=True)
            ctx.exit(130)
        except Exception as exc:  # never a traceback for the user; JOBSCHEMA_DEBUG=1 shows it
            if os.environ.get("JOBSCHEMA_DEBUG"):
                raise

            msg = scrub_known(" ".join(str(exc).split()))[:300]
            click.echo(f"jobschema: internal error: {type(exc).__name__}: {msg} "
                       "(set JOBSCHEMA_DEBUG=1 for details)", err=True)
            ctx.exit(int(ExitCode.ERROR))


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="jobschema")
def main() -> None:
    """jobschema: one schema definition for job tables, checked against live databases."""


# The commands import ``hold`` from this package, so they come after it (each command imports its use case
# only when it runs, which keeps ``jobschema --help`` fast).
from . import audit, check, code, docs, generate, import_, inspect, lint, migrate, plan  # noqa: E402

main.add_command(generate.generate)
main.add_command(audit.audit)
main.add_command(docs.docs)
main.add_command(migrate.migrate)
main.add_command(lint.lint)
main.add_command(check.check)
main.add_command(import_.import_)
main.add_command(inspect.inspect)
main.add_command(plan.plan)
main.add_command(code.code)


def run() -> None:
    """Console-script entry point.

    A command is a short-lived process that builds one large, mostly acyclic model: collecting garbage
    every 700 allocations costs a fifth of a big load, so the collector runs far less often here. When the
    command is done, the exit handlers run, the output is flushed and the process ends at once: tearing
    down the interpreter would free every object of the model first.
    """
    import atexit
    import gc

    global _HELD
    gc.set_threshold(100_000, 50, 100)
    _HELD = []
    try:
        main(prog_name="jobschema")
        code = 0
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            code = exc.code or 0
        else:
            print(exc.code, file=sys.stderr)
            code = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can reach it
            if code == 0 and not _closed_stdout:  # a reader that left early was told so on stderr
                code = 1
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run())
