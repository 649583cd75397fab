"""``docs/cli.md``: the CLI reference, rendered from click's own help so it cannot drift from the code.

Regenerate with ``python -m jobschema.cli.reference`` (``--check`` exits 1 when the file is stale);
a test compares the committed file with this rendering.
"""

from __future__ import annotations

import os
import sys

import click

from ..writer import atomic_write
from . import main as group

WIDTH = 100
PATH = os.path.join("docs", "cli.md")

INTRO = """# CLI reference

Generated from the commands' own `--help` by `python -m jobschema.cli.reference`; a test keeps this
file equal to that output, so what you read here is what the installed `jobschema` prints.

Every command exits **0** when there is nothing to report, **1** when it found something (drift, findings,
stale files) and **2** on an error (bad input, unreachable or refusing database, refused plan), which is one
line on stderr and never a traceback. Paths default to `[tool.jobschema]` in the nearest `pyproject.toml`
(`schema`, `out`, `migrations`, `docs`), then to `schema/`, `generated/`, `migrations/` and `docs/tables/`.
"""


def _help(cmd: click.Command, path: list[str], parent: click.Context | None) -> tuple[str, click.Context]:
    settings = {**cmd.context_settings, "terminal_width": WIDTH, "max_content_width": WIDTH}
    ctx = click.Context(cmd, info_name=path[-1], parent=parent, **settings)
    return cmd.get_help(ctx), ctx


def _walk(cmd: click.Command, path: list[str], parent: click.Context | None, out: list[str]) -> None:
    text, ctx = _help(cmd, path, parent)
    level = "#" * min(len(path) + 1, 4)
    out.append(f"{level} `{' '.join(path)}`\n\n```text\n{text.rstrip()}\n```\n")
    if isinstance(cmd, click.Group):
        for name in sorted(cmd.list_commands(ctx)):
            sub = cmd.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                _walk(sub, [*path, name], ctx, out)


def render() -> str:
    sections: list[str] = []
    _walk(group, ["jobschema"], None, sections)
    names = sorted(group.list_commands(click.Context(group)))
    toc = "Commands: " + " · ".join(f"[`{n}`](#jobschema-{n})" for n in names) + "\n"
    return INTRO + "\n" + toc + "\n" + "\n".join(sections).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = next((a for a in args if not a.startswith("-")), PATH)
    text = render()
    try:
        with open(path, encoding="utf-8") as fh:
            current = fh.read()
    except FileNotFoundError:
        current = None
    if "--check" in args:
        if current != text:
            print(f"{path} is out of date: run python -m jobschema.cli.reference", file=sys.stderr)
            return 1
        return 0
    if current != text:
        atomic_write(path, text)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
