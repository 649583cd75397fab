"""``jobschema migrate``: apply pending migration files; ``status``, ``resolve`` and ``hash`` subcommands."""

from __future__ import annotations

import os

import click

from ..config import load_config
from ..connect import resolve_dsn
from ..dialects import base as dialects
from ..errors import ExitCode, UsageError


def _common(ctx: click.Context, dsn, module, folder) -> tuple[str, str, str | None, str | None, str]:
    parent = ctx.find_object(dict) or {}
    cfg = load_config()
    return (resolve_dsn(dsn or parent.get("dsn")), cfg.path(cfg.migrations), module or parent.get("module"),
            folder or parent.get("folder"), cfg.path(cfg.schema))


_dsn_opt = click.option("--dsn", help="Database URL (postgresql://… or mysql://…); default $JOBSCHEMA_DSN.")
_module_opt = click.option("--module", help="Only this module's folder (migrations/<module>/<dialect>); without "
                           "it, the modules this database's history names.")
_dir_opt = click.option("--dir", "folder", type=click.Path(file_okay=False),
                        help="Use this migration folder: <module>/<dialect>/, or any folder with --module naming "
                             "the module its files are recorded under.")


@click.group(invoke_without_command=True)
@_dsn_opt
@_module_opt
@_dir_opt
@click.option("--dry-run", is_flag=True, help="Check and list what would run; change nothing.")
@click.option("--baseline", metavar="VERSION",
              help="Adopt a database without history: record files up to VERSION as applied, without running them.")
@click.option("--lock-wait", type=click.FloatRange(min=0), default=300.0, show_default=True,
              help="Seconds to wait for another migrate run to finish.")
@click.option("--lock-timeout", type=float, metavar="SECONDS",
              help="Fix migrations: how long one step waits for its table lock before it is retried "
                   "[default: 2, or migrate.lock_timeout in [tool.jobschema]].")
@click.option("--lock-retries", type=int, help="Fix migrations: tries after the first before giving up [default: 5].")
@click.option("--batch-size", type=int, help="Fix migrations: rows per transaction of a data step [default: 1000].")
@click.option("--pause-ms", type=int, help="Fix migrations: pause between two batches [default: 0].")
@click.pass_context
def migrate(ctx: click.Context, dsn, module, folder, dry_run, baseline, lock_wait, lock_timeout, lock_retries,
            batch_size, pause_ms) -> None:
    """Apply pending migration files in order, each exactly once."""
    ctx.obj = {"dsn": dsn, "module": module, "folder": folder}
    if ctx.invoked_subcommand is not None:
        return
    from .. import api
    from .console import migrate as migrate_console

    dsn, root, module, folder, schema = _common(ctx, None, None, None)
    online = load_config().migrate_settings(lock_timeout=lock_timeout, lock_retries=lock_retries,
                                            batch_size=batch_size, pause_ms=pause_ms)
    events = migrate_console.events()
    try:
        result = api.migrate(dsn, root, module, folder, dry_run=dry_run, baseline=baseline, lock_wait=lock_wait,
                             events=events, schema_dir=schema, **online)
    finally:
        events.close()
    migrate_console.print_result(result)


@migrate.command()
@_dsn_opt
@_module_opt
@_dir_opt
@click.pass_context
def status(ctx: click.Context, dsn, module, folder) -> None:
    """Show every migration file and whether the database has it.

    Exit 0 when every file is applied, 1 when one is pending, failed, interrupted, edited or missing,
    2 on an error: a deploy job can gate on it.
    """
    from .. import api
    from .console import migrate as migrate_console

    dsn, root, module, folder, schema = _common(ctx, dsn, module, folder)
    rows = api.migrate_status(dsn, root, module, folder, schema)
    migrate_console.print_status(rows)
    if api.status_needs_attention(rows):
        ctx.exit(int(ExitCode.DRIFT))


@migrate.command()
@click.argument("version")
@click.option("--applied", is_flag=True, help="You finished the file's remaining statements by hand.")
@click.option("--rolled-back", is_flag=True, help="You undid what ran; the next migrate applies the file again.")
@_dsn_opt
@_module_opt
@_dir_opt
@click.pass_context
def resolve(ctx: click.Context, version, applied, rolled_back, dsn, module, folder) -> None:
    """Record how a failed or interrupted file was dealt with, so migrate can continue."""
    from .. import api

    if applied == rolled_back:
        raise UsageError("say what happened to the file: --applied or --rolled-back (exactly one)")
    dsn, root, module, folder, _ = _common(ctx, dsn, module, folder)
    click.echo(api.migrate_resolve(dsn, root, version, applied, module, folder))


@migrate.command("hash")
@_module_opt
@_dir_opt
@click.option("--dialect", type=click.Choice(dialects.names()), help="Only this dialect's folders.")
@click.pass_context
def hash_(ctx: click.Context, module, folder, dialect) -> None:
    """Rewrite jobschema.sum from the files, after you have reviewed a change to the folder."""
    from .. import api

    parent = ctx.find_object(dict) or {}
    cfg = load_config()
    done = api.migrate_hash(cfg.path(cfg.migrations), dialect, module or parent.get("module"),
                            folder or parent.get("folder"))
    for path in done:
        click.echo(f"rewrote {os.path.join(path, 'jobschema.sum')}")
    if not done:
        click.echo("no migration files found")
