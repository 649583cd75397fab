"""``jobschema generate``: schema/ → numbered DDL files per module and dialect."""

from __future__ import annotations

import click

from ..config import load_config
from ..dialects import base as dialects
from ..errors import ExitCode
from . import hold


@click.command()
@click.option("--schema", "schema_dir", type=click.Path(file_okay=False), help="Schema folder (default: schema/).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Output folder (default: generated/).")
@click.option("--module", help="Only this module.")
@click.option("--dialect", type=click.Choice(dialects.names()), help="Only this dialect.")
@click.option("--force", is_flag=True,
              help="Write even where --out holds files jobschema did not write (they are never changed or deleted).")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if any file would change.")
@click.pass_context
def generate(ctx: click.Context, schema_dir, out_dir, module, dialect, force, check) -> None:
    """Generate PostgreSQL and MySQL DDL, views, RLS and functions from the schema."""
    from .. import api
    from .console import terminal as console

    cfg = load_config()
    result = hold(api.generate(schema_dir or cfg.path(cfg.schema), out_dir or cfg.path(cfg.out), module, dialect,
                               check, force=force))
    console.print_generate(result)
    if check and result.differing:
        ctx.exit(int(ExitCode.DRIFT))
