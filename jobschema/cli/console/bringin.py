"""Summary of ``import`` / ``inspect``: what was written and, with locations, what was not represented."""

from __future__ import annotations

import click

from ...report.text import printable


def print_bring_in(result, verb: str) -> None:
    m = result.module
    click.echo(f"{verb} module {printable(m.name)}: {len(m.tables)} tables, {len(m.views)} views, "
               f"{len(m.functions)} functions, {len(m.triggers)} triggers; {len(result.written)} files written")
    for path in result.written:
        click.echo(f"  {printable(str(path))}")
    if result.notes:
        click.echo(f"not represented ({len(result.notes)}):", err=True)
        for n in result.notes:
            click.echo(f"  {printable(str(n))}", err=True)
    if result.unmanaged:
        kept = [p for p in result.written if "/unmanaged." in str(p)]
        where = (f"kept verbatim in {', '.join(printable(str(k)) for k in kept)}" if kept
                 else "left in the database, recorded under unmanaged: in module.yaml for audit to compare"
                 if result.module.unmanaged else "left in the database, no file written")
        click.echo(f"not managed by jobschema, {where} ({len(result.unmanaged)}):", err=True)
        for n in result.unmanaged:
            click.echo(f"  {printable(str(n))}", err=True)
    if result.skipped:
        click.echo(f"skipped ({len(result.skipped)}):", err=True)
        for n in result.skipped:
            click.echo(f"  {printable(str(n))}", err=True)
    if result.kept:
        click.echo(f"left in place, not written by jobschema or edited since ({len(result.kept)}); they are part of "
                   "the module until you delete them:", err=True)
        for path in result.kept:
            click.echo(f"  {printable(str(path))}", err=True)
