"""Markdown pieces that survive any text a schema can hold: pipes, backticks, newlines, HTML."""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")


def one_line(text: object) -> str:
    """Collapse every run of whitespace (newlines included) into one space."""
    return _SPACE.sub(" ", str(text)).strip()


def prose(value: object) -> str:
    """A paragraph: one line, raw HTML neutralised (pipes are harmless outside tables)."""
    return one_line(value).replace("<", "&lt;").replace(">", "&gt;")


def text(value: object) -> str:
    """Prose for a table cell: one line, pipes escaped, raw HTML neutralised."""
    out = one_line(value)
    out = out.replace("\\", "\\\\").replace("|", "\\|")
    return out.replace("<", "&lt;").replace(">", "&gt;")


def code(value: object) -> str:
    """A code span for a table cell; longer fences when the text holds backticks (GFM rules)."""
    body = one_line(value)
    if not body:
        return ""
    body = body.replace("|", "\\|")
    longest = max((len(m) for m in re.findall(r"`+", body)), default=0)
    fence = "`" * (longest + 1)
    if longest or body.startswith("`") or body.endswith("`"):
        return f"{fence} {body} {fence}"
    return f"{fence}{body}{fence}"


def link(label: str, target: str) -> str:
    """A relative link; the label is escaped, the target has spaces and parentheses encoded."""
    safe = target.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
    return f"[{text(label).replace('[', '&#91;').replace(']', '&#93;')}]({safe})"


def first_sentence(value: str | None) -> str:
    """The first sentence of a comment, for index tables; the whole comment lives on the table's page."""
    if not value:
        return ""
    flat = one_line(value)
    m = re.search(r"(?<=[.!?])\s", flat)
    return flat[: m.start()] if m else flat
