"""``jobschema docs``: schema/ → Markdown per table and per module, with a Mermaid ER diagram."""

from __future__ import annotations

import click

from ..config import load_config
from ..errors import ExitCode


@click.command()
@click.option("--schema", "schema_dir", type=click.Path(file_okay=False), help="Schema folder (default: schema/).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False),
              help="Output folder (default: docs/tables/).")
@click.option("--module", help="Only this module.")
@click.option("--force", is_flag=True,
              help="Write even where --out holds files jobschema did not write (they are never changed or deleted).")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if any page would change.")
@click.pass_context
def docs(ctx: click.Context, schema_dir, out_dir, module, force, check) -> None:
    """Write one Markdown page per table and an index page with an ER diagram per module."""
    from .. import api
    from .console import terminal as console

    cfg = load_config()
    result = api.docs(schema_dir or cfg.path(cfg.schema), out_dir or cfg.path(cfg.docs), module, check, force=force)
    console.print_docs(result)
    if check and result.differing:
        ctx.exit(int(ExitCode.DRIFT))
