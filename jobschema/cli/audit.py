"""``jobschema audit``: compare a live database with the schema; exit 0 in sync, 1 drift, 2 error."""

from __future__ import annotations

import sys

import click

from ..config import load_config
from ..connect import DEFAULT_STATEMENT_TIMEOUT_MS
from ..errors import UsageError
from ..report import FORMATS
from ..writer import check_writable
from . import hold
from .plan import with_fix_options


@click.command()
@click.option("--dsn", "dsns", multiple=True, metavar="DSN",
              help="Database URL (postgresql://… or mysql://…); default: JOBSCHEMA_DSN, then the PG* "
                   "variables. Give it several times to audit a fleet of databases at once.")
@click.option("--dsn-file", type=click.Path(dir_okay=False),
              help="Audit every database of this file: one DSN per line, # comments; passwords as ${VAR} "
                   "from the environment or in ~/.pgpass, never in the file.")
@click.option("--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="With several databases: how many to audit at once (default: 4 per CPU, at most 16).")
@click.option("--schema", "schema_dir", type=click.Path(file_okay=False), help="Schema folder (default: schema/).")
@click.option("--module", help="Module to audit (default: the one whose tables the database holds).")
@click.option("--namespace", help="PostgreSQL schema holding the module's tables (default: the module's, public).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Report format: text, json, sarif (SARIF 2.1.0), junit (JUnit XML), github (annotations).")
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="Write the report to this file (the text summary still goes to stderr).")
@click.option("--no-data", is_flag=True, help="Do not count rows that violate missing constraints.")
@click.option("--unmanaged-severity", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Severity of objects the schema does not know (default: warning).")
@click.option("--statement-timeout", type=click.IntRange(min=1), default=None, metavar="MS",
              help="Per-statement timeout in milliseconds (default: 30000).")
@click.option("--write-migration", is_flag=True,
              help="Also write the fix as the next file in migrations/<module>/<dialect>/ (see `jobschema plan`).")
@click.option("--dir", "migration_dir", type=click.Path(file_okay=False),
              help="With --write-migration: the migration folder to write to.")
@with_fix_options
@click.pass_context
def audit(ctx: click.Context, dsns, dsn_file, jobs, schema_dir, module, namespace, fmt, output, no_data,
          unmanaged_severity, statement_timeout, write_migration=False, migration_dir=None, allow_destructive=False,
          allow_not_valid=False, concurrently=False) -> None:
    """Audit a live database against the schema: structure drift and rows that break desired rules.

    With several --dsn or a --dsn-file, every database is audited against the one schema, --jobs at a
    time; the exit code is the worst of them."""
    from .. import api
    from .console import audit as audit_output

    if not write_migration:
        _only_with_write_migration(migration_dir=migration_dir, allow_destructive=allow_destructive,
                                   allow_not_valid=allow_not_valid, concurrently=concurrently)
    if output:
        check_writable(output, "-o/--output")
    cfg = load_config()
    settings = cfg.audit if isinstance(cfg.audit, dict) else {}
    severity = unmanaged_severity or settings.get("unmanaged_severity", "warning")
    timeout = statement_timeout or int(settings.get("statement_timeout_ms", DEFAULT_STATEMENT_TIMEOUT_MS))
    kwargs = dict(module=module, namespace=namespace, no_data=no_data, unmanaged_severity=severity,
                  statement_timeout_ms=timeout)
    schema = schema_dir or cfg.path(cfg.schema)
    if dsn_file or len(dsns) > 1:
        targets = api.fleet_targets(list(dsns), dsn_file, write_migration)
        ctx.exit(_fleet(api, targets, schema, fmt, output, jobs, kwargs))
    dsn = dsns[0] if dsns else None
    if fmt == "text" and sys.stderr.isatty():
        result = _with_progress(api, dsn, schema, kwargs)
    else:
        result = api.audit(dsn, schema, **kwargs)
    hold(result)
    if output:
        from .console.terminal import stderr

        with open(output, "w", encoding="utf-8") as fh:
            fh.write(audit_output.render(result, fmt))
        audit_output.print_text(result, console=stderr())
    elif fmt == "text":
        audit_output.print_text(result)
    else:
        click.echo(audit_output.render(result, fmt), nl=False)
    if write_migration:
        from .console import plan as plan_console

        planned = api.plan_from_audit(result, allow_destructive=allow_destructive, allow_not_valid=allow_not_valid,
                                      concurrently=concurrently)
        api.write_migration(planned, dsn, cfg.path(cfg.migrations), migration_dir)
        plan_console.print_written(planned, err=fmt != "text" and not output)
    ctx.exit(int(result.exit_code))


def _only_with_write_migration(**given) -> None:
    """Options that shape the written fix mean nothing without ``--write-migration``: an error, so a deploy
    job that forgot it does not believe it wrote (or was allowed to write) something."""
    names = [f"--{k.replace('_', '-')}" if k != "migration_dir" else "--dir" for k, v in given.items() if v]
    if names:
        raise UsageError(f"{', '.join(names)} only applies with --write-migration (or use `jobschema plan`)")


def _with_progress(api, dsn, schema, kwargs):
    from rich.progress import BarColumn, Progress, TextColumn

    from .console.terminal import stderr

    steps = ["loading the schema", "connecting", "reading the catalog", "comparing", "counting violating rows"]
    with Progress(TextColumn("{task.description}"), BarColumn(), console=stderr(), transient=True) as bar:
        task = bar.add_task("audit", total=len(steps))

        def step(name: str) -> None:
            done = steps.index(name) if name in steps else 0
            bar.update(task, completed=done, description=name)

        return api.audit(dsn, schema, progress=step, **kwargs)


def _fleet(api, targets, schema, fmt, output, jobs, kwargs) -> int:
    """A fleet audit: a progress bar on a terminal, the reports, the summary, the worst exit code."""
    from .console import fleet as fleet_output
    from .console.terminal import stderr

    err = stderr()
    if fmt == "text" and err.is_terminal:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(TextColumn("auditing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err,
                      transient=True) as bar:
            task = bar.add_task("audit", total=len(targets))
            result = api.audit_fleet(targets, schema, jobs=jobs, on_done=lambda _e: bar.advance(task), **kwargs)
    else:
        result = api.audit_fleet(targets, schema, jobs=jobs, **kwargs)
    hold(result)
    fleet_output.print_errors(result)
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(fleet_output.render(result, fmt))
        fleet_output.print_summary(result, err)
    elif fmt == "text":
        fleet_output.print_text(result)
    else:
        click.echo(fleet_output.render(result, fmt), nl=False)
        if err.is_terminal:
            fleet_output.print_summary(result, err)
    return int(result.exit_code)
