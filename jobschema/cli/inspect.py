"""``jobschema inspect``: a live database → schema files for what it holds."""

from __future__ import annotations

import click

from ..config import load_config


@click.command("inspect")
@click.option("--dsn", envvar="JOBSCHEMA_DSN", show_envvar=True,
              help="Database URL (postgresql://… or mysql://…); PG* variables work too. Never printed with its "
                   "password.")
@click.option("--module", "module", required=True, help="Name of the module to write.")
@click.option("--namespace", "namespaces", multiple=True,
              help="PostgreSQL schema to read (repeatable; the first is the module's; schemas not named are "
                   "recorded as unmanaged digests). Default: every user schema (not the system's or an "
                   "extension's), public the module's.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Schema folder (default: schema/).")
@click.option("--force", is_flag=True, help="Overwrite an existing module folder.")
def inspect(dsn, module, namespaces, out_dir, force) -> None:
    """Write module.yaml, tables/*.yaml, views, functions and triggers for a live database."""
    from .. import api
    from .console.bringin import print_bring_in

    cfg = load_config()
    result = api.inspect_db(dsn, module, out_dir or cfg.path(cfg.schema), namespaces=list(namespaces) or None,
                            force=force)
    print_bring_in(result, "inspected")
