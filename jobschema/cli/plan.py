"""``jobschema plan``: audit a database and print the fix migration, writing nothing."""

from __future__ import annotations

import click

from ..config import load_config

fix_options = [
    click.option("--allow-destructive", is_flag=True,
                 help="Also drop what the schema does not declare and narrow types (data may be lost)."),
    click.option("--allow-not-valid", is_flag=True,
                 help="PostgreSQL: keep a constraint that live rows violate NOT VALID instead of refusing."),
    click.option("--concurrently", is_flag=True,
                 help="PostgreSQL: CREATE INDEX CONCURRENTLY (the file then runs without a transaction)."),
]


def with_fix_options(fn):
    for opt in reversed(fix_options):
        fn = opt(fn)
    return fn


@click.command()
@click.option("--dsn", envvar="JOBSCHEMA_DSN", show_envvar=True,
              help="Database URL (postgresql://… or mysql://…); PG* variables work too.")
@click.option("--schema", "schema_dir", type=click.Path(file_okay=False), help="Schema folder (default: schema/).")
@click.option("--module", help="Module to plan for (default: the one whose tables the database holds).")
@click.option("--namespace", help="PostgreSQL schema holding the module's tables.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: the migration file on stdout, its steps on stderr; json: steps (transaction, lock, scans, "
                   "rewrites, SQL) and the file as one object.")
@with_fix_options
def plan(dsn, schema_dir, module, namespace, fmt, allow_destructive, allow_not_valid, concurrently) -> None:
    """Print the migration that would fix the database's drift; write nothing."""
    from .. import api
    from .console import plan as plan_console

    cfg = load_config()
    planned = api.plan(dsn, schema_dir or cfg.path(cfg.schema), module=module, namespace=namespace,
                       allow_destructive=allow_destructive, allow_not_valid=allow_not_valid,
                       concurrently=concurrently)
    plan_console.print_plan(planned, fmt)
