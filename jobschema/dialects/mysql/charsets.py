"""Which character set and collation a MySQL table or column has, and whether two of them are the same.

The rule the renderer, the inspector and the audit share: a column names its own only where it differs
from its table's; a table takes its own, else its module's (``module.yaml`` ``mysql:``), else the
database's default. Collation decides comparisons and uniqueness (``'a' = 'A'`` under ``_ci``), so a
difference is drift, not cosmetics. A collation names its character set; a character set named alone
means that set with any of its collations (``inspect`` always writes both).
"""

from __future__ import annotations

Text = tuple[str | None, str | None]  # (character set, collation), either may be unknown

NONE: Text = (None, None)

# MariaDB and MySQL 8 report the three-byte UTF-8 under its real name
_ALIASES = {"utf8": "utf8mb3"}


def canonical(name: str | None) -> str | None:
    """Lower case, ``utf8`` / ``utf8_*`` spelled as the server reports them (``utf8mb3``)."""
    if not name:
        return None
    low = name.lower()
    head, sep, rest = low.partition("_")
    return _ALIASES.get(head, head) + sep + rest if head in _ALIASES else low


def own(obj) -> Text | None:
    """What a table, column or module names itself, or None where it inherits."""
    charset, collation = getattr(obj, "mysql_charset", None), getattr(obj, "mysql_collation", None)
    if charset is None and collation is None:
        return None
    return canonical(charset), canonical(collation)


def of_table(table, module, database: Text) -> Text:
    """The table's effective (character set, collation): its own, its module's, the database's."""
    return own(table) or (own(module) if module is not None else None) or database


def of_column(col, table, module, database: Text) -> Text:
    return own(col) or of_table(table, module, database)


def charset_of(text: Text) -> str | None:
    """The character set, named or implied by the collation (``latin1_bin`` → latin1)."""
    charset, collation = text
    if charset:
        return charset
    if collation:
        return collation.split("_", 1)[0]
    return None


def same(desired: Text, live: Text) -> bool:
    """Whether ``live`` is what ``desired`` asks for: the collation where one is named, else the set."""
    d_set, d_coll = canonical(desired[0]), canonical(desired[1])
    if d_coll is not None:
        return d_coll == canonical(live[1])
    if d_set is not None:
        return d_set == charset_of((canonical(live[0]), canonical(live[1])))
    return True


def label(text: Text) -> str:
    """``utf8mb4_bin`` (the collation names its set), or ``character set latin1``."""
    charset, collation = text
    if collation:
        return collation
    return f"character set {charset}" if charset else "default"


def from_label(text: str | None) -> Text:
    """``label``'s text back to (character set, collation)."""
    if not text or text == "default":
        return NONE
    if text.startswith("character set "):
        return text[len("character set "):], None
    return None, text


def clause(text: Text, table: bool = False) -> str:
    """``CHARACTER SET x COLLATE y`` for a column, ``DEFAULT CHARSET=x COLLATE=y`` for a table."""
    charset, collation = text
    parts = []
    if charset:
        parts.append(f"DEFAULT CHARSET={charset}" if table else f"CHARACTER SET {charset}")
    if collation:
        parts.append(f"COLLATE={collation}" if table else f"COLLATE {collation}")
    return " ".join(parts)


def lossless(source: Text, target: Text) -> bool:
    """Whether converting text from ``source`` to ``target`` keeps every character: the same set, or
    a conversion to utf8mb4, which holds all of Unicode."""
    to, frm = charset_of(target), charset_of(source)
    return to is None or to == frm or to == "utf8mb4"
