"""Which column a value set declared in code stands for: ``[tool.jobschema.code] map`` or a comment
``jobschema: table.column`` at the end of the declaration's first line or alone on the line above it."""

from __future__ import annotations

import re

from .source import Source
from .uses import Site

TIE = re.compile(r"(?://|#|/\*)\s*jobschema:\s*([A-Za-z_][\w$]*(?:\.[A-Za-z_][\w$]*){1,2})\s*(?:\*/)?\s*$")


def comment_tie(src: Source, decl) -> tuple[str | None, Site | None]:
    """The column named by a tie comment on the declaration's first line or the line above it."""
    line = decl.start_point.row + 1
    for n, alone in ((line, False), (line - 1, True)):
        text = src.line_text(n)
        m = TIE.search(text)
        if m and (not alone or text.strip().startswith(("//", "#", "/*"))):
            return m.group(1), Site(src.shown, n, len(text[:m.start(1)]) + 1)
    return None, None
