"""``jobschema check``: the CI and pre-commit gate — generated files, lint, migration sums, docs — one exit code."""

from __future__ import annotations

import click

from ..config import load_config
from ..errors import ExitCode
from .lint import split_codes


@click.command()
@click.option("--schema", "schema_dir", type=click.Path(file_okay=False),
              help="Schema folder (default: [tool.jobschema] schema, else schema/).")
@click.option("--select", multiple=True, metavar="CODES", help="Lint only these rules (see `jobschema lint`).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these lint rules.")
@click.pass_context
def check(ctx: click.Context, schema_dir, select, ignore) -> None:
    """Check that generated files, docs and migration sums are current and the lint is clean.

    Runs `generate --check`, `lint`, the jobschema.sum of every migration folder and `docs --check`, and
    `jobschema code` when [tool.jobschema.code] is configured; prints each offending file; exit 0 when all
    pass, 1 when any fails, 2 on bad input.
    """
    from .. import api

    cfg = load_config()
    selection = api.lint_selection(cfg.lint_settings(), split_codes(select), split_codes(ignore))
    result = api.check(cfg, selection, schema_dir=schema_dir)
    for step in result.steps:
        if step.skipped:
            click.echo(f"{step.name}: skipped ({step.skipped})")
        elif step.ok:
            click.echo(f"{step.name}: ok")
        else:
            click.echo(f"{step.name}: {len(step.problems)} problem{'s' if len(step.problems) != 1 else ''}")
            for p in step.problems:
                click.echo(f"  {p}")
    failed = [s.name for s in result.steps if not s.ok]
    click.echo(f"check failed: {', '.join(failed)}" if failed else "check passed")
    if failed:
        ctx.exit(int(ExitCode.DRIFT))
