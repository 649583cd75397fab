"""Profile one jobschema command in-process with pyinstrument, imports included.

    JOBSCHEMA_NO_CACHE=1 python benchmarks/profile.py [--html FILE] -- audit --schema S --dsn D --format json

pyinstrument (a benchmark-only extra: ``pip install -e '.[bench]'``) samples the call stack, so the
report shows where the wall time of a cold command goes, threads included, without cProfile's
per-call overhead distorting the many small calls of a YAML load. The command's own output is
discarded; the text report goes to stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import sys


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--html", help="also write pyinstrument's HTML flame view here")
    ap.add_argument("--depth", type=int, default=40, help="hide frames below this share of the time (%%)")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    args = ap.parse_args(argv)
    command = [a for a in args.command if a != "--"] if args.command[:1] == ["--"] else args.command
    from pyinstrument import Profiler

    gc.set_threshold(100_000, 50, 100)  # what the command sets for itself (cli.run)
    profiler = Profiler(interval=0.001, async_mode="disabled")
    profiler.start()
    from jobschema.cli import main as cli_main  # imports are part of a cold command

    with contextlib.redirect_stdout(io.StringIO()):
        try:
            cli_main(command, prog_name="jobschema", standalone_mode=False)
        except SystemExit:
            pass
    profiler.stop()
    sys.stderr.write(profiler.output_text(unicode=True, color=False, show_all=False))
    if args.html:
        with open(args.html, "w", encoding="utf-8") as fh:
            fh.write(profiler.output_html())
    return 0


if __name__ == "__main__":
    sys.exit(main())
