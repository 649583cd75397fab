"""One DDL statement as sqlglot's expression tree, for the importer: parsed once, by the dialect's own sqlglot
dialect, after bridging the few clauses sqlglot's grammar lacks.

The importer (``load/ddl_*.py``) walks the tree for what a statement *is* — which object, which table
elements, which column constraints, which ALTER actions — and slices the author's own text for expressions
out of the statement between token offsets (``ddl_tokens``), so an import keeps the user's spelling.

**Bridged** (``DdlRules.bridge``: one function per gap in each dialect's ``gaps``, ``dialects/<d>/ddl.py``):
clauses the servers accept but sqlglot 30's parser rejects are blanked in the text handed to the parser —
same length, so every offset still points into the author's text — and read from the tokens by the
importer: ``NO INHERIT``, ``NOT VALID`` and ``NOT DEFERRABLE`` / ``INITIALLY IMMEDIATE`` on a constraint,
``MATCH FULL|SIMPLE|PARTIAL`` and a column list after ``ON DELETE SET NULL|DEFAULT`` on a reference (both
dialects); a schema-qualified column type (``"NS"."T"``), ``bit varying``, ``IS NULL`` in COMMENT ON,
``ON ONLY`` and ``NULLS [NOT] DISTINCT`` in CREATE INDEX (PostgreSQL); ``USING BTREE|HASH`` before ``ON``, before
a key's column list or after an index's, a column's ``VISIBLE`` and ``RENAME AS`` (MySQL).

**Read by the token reader** (``ddl_tokens.Stream``) because sqlglot returns them as ``exp.Command`` or cannot
parse them: ``CREATE POLICY``; ``ALTER TABLE`` actions ``ENABLE``/``FORCE ROW LEVEL SECURITY``,
``RENAME CONSTRAINT``, ``ALTER COLUMN ... ADD GENERATED ... AS IDENTITY`` and ``OWNER TO``; ``ALTER SEQUENCE ...
OWNED BY``; ``ALTER FUNCTION|SCHEMA|VIEW|TYPE ... OWNER TO``; ``CREATE SCHEMA ... AUTHORIZATION``;
``CREATE EXTENSION``; ``COMMENT ON CONSTRAINT|POLICY|TRIGGER ... ON``; views, functions and triggers, whose
headers ``load/sqlfile.py`` reads for the loader too (bodies stay verbatim). ``DROP FUNCTION`` of several
signatures is parsed one signature at a time.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError

from .ddl_tokens import Item, Syntax


@dataclass(frozen=True)
class Refusal:
    """Why sqlglot's parser refused a statement, and where (1-based, within the statement)."""

    message: str
    line: int = 1
    col: int | None = 1


def blanked(text: str, spans: list[tuple[int, int, str | None]]) -> str:
    """``text`` with each (start, end inclusive, replacement or None for spaces) span replaced in place; a
    replacement has the span's length, so offsets, lines and columns never move."""
    out = list(text)
    for a, b, repl in spans:
        filler = repl if repl is not None else "".join(c if c in "\r\n" else " " for c in text[a:b + 1])
        assert len(filler) == b - a + 1
        out[a:b + 1] = filler
    return "".join(out)


def parse(text: str, items: list[Item], rules) -> tuple[exp.Expression | None, Refusal | None]:
    """The statement's tree (``exp.Command`` where sqlglot falls back to one), or why sqlglot refused it."""
    bridged = blanked(text, rules.bridge(items))
    log = logging.getLogger("sqlglot")
    level = log.level
    log.setLevel(logging.ERROR)  # "falling back to parsing as a Command" is not news here
    try:
        return sqlglot.parse_one(bridged, read=rules.name), None
    except ParseError as exc:
        err = (exc.errors or [{}])[0]
        return None, Refusal(err.get("description") or str(exc).splitlines()[0], err.get("line") or 1,
                             err.get("col"))
    except TokenError as exc:
        return None, Refusal(" ".join(str(exc).split())[:200])
    except Exception:  # noqa: BLE001 - sqlglot's own failure is not the author's; read the tokens instead
        return None, None
    finally:
        log.setLevel(level)


def ident(node: exp.Expression | str | None, rules) -> str:
    """A name as the catalog stores it: a quoted identifier as written, a bare one folded the dialect's way."""
    if isinstance(node, str):
        return rules.fold(node)
    if isinstance(node, exp.Identifier):
        return node.this if node.quoted else rules.fold(node.this)
    if isinstance(node, exp.Literal):  # MySQL: 'name' stands for a name
        return node.this
    if isinstance(node, (exp.Column, exp.Table, exp.Var)):
        return ident(node.this, rules)
    raise Syntax(f"expected a name, found {node.sql() if isinstance(node, exp.Expression) else node!r:.60}", None)


def qname(node: exp.Expression, rules) -> tuple[str | None, str]:
    """(schema or None, name) of a table-like reference; ``database.schema.name`` keeps the last two."""
    if isinstance(node, exp.Schema):
        node = node.this
    if isinstance(node, exp.Table):
        db = node.args.get("db")
        return (ident(db, rules) if db is not None else None), ident(node.this, rules)
    if isinstance(node, exp.Column):
        table = node.args.get("table")
        return (ident(table, rules) if table is not None else None), ident(node.this, rules)
    return None, ident(node, rules)


def start(node: exp.Expression) -> int | None:
    """The offset of the first token sqlglot recorded under ``node`` (identifiers, literals, functions)."""
    found = [n.meta["start"] for n in node.walk() if "start" in n.meta]
    return min(found) if found else None
