"""What only ``SHOW CREATE TABLE`` tells: ``information_schema`` keeps no record of a key's ``USING BTREE/HASH`` as
written (STATISTICS gives the engine's type: BTREE for a ``USING HASH`` key on InnoDB, HASH for an unqualified one
on MEMORY) nor of its ``KEY_BLOCK_SIZE``, the model's primary key has no comment, and the catalog hides foreign key
rules from a user with only ``SELECT`` (``hidden.py``). The inspector reads the text of every base table, one
statement per table, on its query thread after the fixed queries, so the round trips overlap the building of the
model.

Only the key lines whose text names such an option are parsed (with sqlglot, one line at a time); the option
kept is the server's own spelling, so two databases built from the same DDL compare equal.
"""

from __future__ import annotations

import re

from ..base import literal_mysql, quote_mysql

STATEMENT = "SHOW CREATE TABLE {table}"

# the option words a key line must contain before it is parsed at all
_HINTS = (" USING ", " KEY_BLOCK_SIZE=")
_PRIMARY_HINTS = _HINTS + (" COMMENT '",)  # an index's comment is the model's; the primary key's is recorded
_KEY_LINE = re.compile(r"^  (?:PRIMARY|UNIQUE|FULLTEXT|SPATIAL|KEY)\b")
_DESC_PART = re.compile(r"` DESC\b")


def read(conn, tables: list[str]) -> dict[str, str]:
    """Table → its ``SHOW CREATE TABLE`` text, one statement per table."""
    out: dict[str, str] = {}
    with conn.cursor() as cur:
        for t in tables:
            cur.execute(STATEMENT.format(table=quote_mysql(t)))
            row = cur.fetchone()
            text = row[1] if not isinstance(row, dict) else list(row.values())[1]
            out[t] = text.decode("utf-8", "replace") if isinstance(text, (bytes, bytearray)) else text
    return out


def key_options(create_table: str) -> dict[str, str]:
    """Key name (``PRIMARY`` for the primary key) → its ``USING`` and ``KEY_BLOCK_SIZE`` options (and the primary
    key's ``COMMENT``) as the server prints them (``USING HASH KEY_BLOCK_SIZE=8``), for the keys that have any."""
    out: dict[str, str] = {}
    for line in create_table.splitlines():
        hints = _PRIMARY_HINTS if line.startswith("  PRIMARY KEY") else _HINTS
        if _KEY_LINE.match(line) and any(h in line for h in hints):
            found = _line_options(line.strip().rstrip(","))
            if found is not None:
                out[found[0]] = found[1]
    return out


def _line_options(line: str) -> tuple[str, str] | None:
    """(key name, options) of one key line of a ``CREATE TABLE``, read from sqlglot's tree of it."""
    import sqlglot
    from sqlglot import exp

    key = None
    # sqlglot takes no DESC in a PRIMARY or UNIQUE key's parts; the order is read from the catalog, the options
    # from the line without it
    for text in dict.fromkeys((line, _DESC_PART.sub("`", line))):
        try:
            key = sqlglot.parse_one(f"CREATE TABLE t ({text})", read="mysql").this.expressions[0]
            break
        except (sqlglot.errors.ParseError, AttributeError, IndexError):
            continue
    if key is None:
        return None
    using = block = comment = None
    if isinstance(key, exp.PrimaryKey):
        name = "PRIMARY"
        params = key.args.get("include")
        using = params.args.get("using") if isinstance(params, exp.IndexParameters) else None
        options = key.args.get("options") or []
    elif isinstance(key, exp.UniqueColumnConstraint):
        this = key.this
        name = this.this.name if isinstance(this, exp.Schema) else (this.name if this is not None else "")
        using = key.args.get("index_type")
        options = key.args.get("options") or []
    elif isinstance(key, exp.IndexColumnConstraint):
        name = key.this.name if key.this is not None else ""
        options = key.args.get("options") or []
    else:
        return None
    for option in options:
        if isinstance(option, exp.IndexConstraintOption):
            using = using or option.args.get("using")
            block = block or option.args.get("key_block_size")
            comment = comment or option.args.get("comment")
    words = ([f"USING {_word(using).upper()}"] if using is not None else []) + \
        ([f"KEY_BLOCK_SIZE={_word(block)}"] if block is not None else []) + \
        ([f"COMMENT {literal_mysql(comment.name)}"] if comment is not None and name == "PRIMARY" else [])
    return (name, " ".join(words)) if words and name else None


def _word(node) -> str:
    return node.name if hasattr(node, "name") and node.name else str(node)
