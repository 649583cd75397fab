"""``jobschema import``: DDL scripts → schema files, listing what the schema cannot hold."""

from __future__ import annotations

import click

from ..config import load_config
from ..dialects import base as dialects


@click.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--dialect", required=True, type=click.Choice(dialects.names()), help="SQL dialect of the files.")
@click.option("--module", "module", required=True, help="Name of the module to write.")
@click.option("--namespace", help="Module namespace (PostgreSQL schema; default public).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Schema folder (default: schema/).")
@click.option("--force", is_flag=True, help="Overwrite an existing module folder.")
def import_(files, dialect, module, namespace, out_dir, force) -> None:
    """Read CREATE TABLE/INDEX/VIEW/FUNCTION/TRIGGER/POLICY scripts into a schema module."""
    from .. import api
    from .console.bringin import print_bring_in

    cfg = load_config()
    result = api.import_sql(list(files), dialect, module, out_dir or cfg.path(cfg.schema), namespace=namespace,
                            force=force)
    print_bring_in(result, "imported")
