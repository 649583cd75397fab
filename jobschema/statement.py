"""One statement of a SQL script, as each dialect's ``split.py`` returns it.

``lint`` (rules report the file and line of a statement) and ``migrate`` (runs files statement by
statement and names the line it stopped at) read the same splitter's output, so a line lint reports is a
statement migrate runs.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Statement:
    """``text`` runs from the statement's first token (comments before it dropped) to its last, without
    the terminator; ``line`` is the 1-based line of that first token."""

    text: str
    line: int

    @property
    def end_line(self) -> int:
        return self.line + self.text.count("\n")


class LineCounter:
    """1-based line of increasing offsets in one text, counting each newline once."""

    def __init__(self, text: str):
        self.text = text
        self.pos = 0
        self.line = 1

    def at(self, offset: int) -> int:
        self.line += self.text.count("\n", self.pos, offset)
        self.pos = offset
        return self.line
