"""``jobschema.sum``: the integrity file of one migration folder, in the shape of Atlas's ``atlas.sum``.

::

    h1:<base64 sha256 over every line below>
    0001_fix_batch_jobs_status.sql h1:<base64 sha256 of the file's bytes>
    0002_add_indexes.sql h1:...

A file added, removed or edited without the sum being rewritten — a hand edit, a merge of two
branches that both added ``0003`` — makes the folder disagree with its sum, and ``migrate`` and
``check`` refuse it. The first line protects the list itself against a hand edit of the sum.
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass, field

from ..errors import JobschemaError

SUM_FILE = "jobschema.sum"


class SumMismatch(JobschemaError):
    """The folder and its ``jobschema.sum`` disagree; the message lists every difference."""

    def __init__(self, folder: str, problems: list[str]):
        self.folder = folder
        self.problems = problems
        lines = [f"{folder}: the migration files do not match {SUM_FILE}:"]
        lines += [f"  {p}" for p in problems]
        lines.append(f"  (if the change is intended, review the files and run `jobschema migrate hash --dir {folder}`)")
        super().__init__("\n".join(lines))


def h1(data: bytes) -> str:
    """``h1:`` + base64 of the SHA-256 of ``data`` (Atlas's notation)."""
    return "h1:" + base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")


def render(entries: list[tuple[str, str]]) -> str:
    """The text of a sum file for ``(file name, h1 hash)`` pairs, in the order given."""
    body = "".join(f"{name} {digest}\n" for name, digest in entries)
    return f"{h1(body.encode('utf-8'))}\n{body}"


def compute(folder: str, names: list[str]) -> str:
    """The sum file text for ``names`` (already in apply order) read from ``folder``."""
    entries = []
    for name in names:
        with open(os.path.join(folder, name), "rb") as fh:
            entries.append((name, h1(fh.read())))
    return render(entries)


@dataclass
class SumFile:
    total: str
    entries: list[tuple[str, str]] = field(default_factory=list)
    body: str = ""

    @property
    def hashes(self) -> dict[str, str]:
        return dict(self.entries)


def parse(text: str, where: str = SUM_FILE) -> SumFile:
    lines = text.splitlines(keepends=True)
    if not lines or not lines[0].startswith("h1:"):
        raise SumMismatch(os.path.dirname(where) or ".", [f"{where}: first line must be the h1: hash of the list"])
    total = lines[0].strip()
    entries = []
    for num, line in enumerate(lines[1:], 2):
        parts = line.split()
        if len(parts) != 2 or not parts[1].startswith("h1:"):
            raise SumMismatch(os.path.dirname(where) or ".", [f"{where}:{num}: expected '<file> h1:<hash>'"])
        entries.append((parts[0], parts[1]))
    return SumFile(total, entries, "".join(lines[1:]))


def verify(folder: str, names: list[str]) -> None:
    """Raise :class:`SumMismatch` unless ``folder/jobschema.sum`` matches ``names`` and their contents.

    A folder without migration files needs no sum; a folder with files and no sum is refused.
    """
    path = os.path.join(folder, SUM_FILE)
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except FileNotFoundError:
        if not names:
            return
        raise SumMismatch(folder, [f"{SUM_FILE} is missing"]) from None
    summed = parse(text, path)
    problems = []
    if h1(summed.body.encode("utf-8")) != summed.total:
        problems.append(f"{SUM_FILE} was edited by hand: its first line does not match the list below it")
    listed = summed.hashes
    for name in names:
        if name not in listed:
            problems.append(f"{name}: not listed in {SUM_FILE} (added without `jobschema audit --write-migration`"
                            " or `jobschema migrate hash`)")
            continue
        with open(os.path.join(folder, name), "rb") as fh:
            if h1(fh.read()) != listed[name]:
                problems.append(f"{name}: edited after it was written (hash differs from {SUM_FILE})")
    for name in listed:
        if name not in names:
            problems.append(f"{name}: listed in {SUM_FILE} but missing from the folder")
    if [n for n, _ in summed.entries if n in names] != [n for n in names if n in listed]:
        problems.append(f"the order of {SUM_FILE} differs from the files' numbering")
    if problems:
        raise SumMismatch(folder, problems)
