"""The MySQL/MariaDB answers of the DDL importer (``dialects/ddl_rules.py``): names keep their case, unnamed
constraints are named as the server names them, DEFAULTs are values where MySQL prints values, expressions
are kept in PostgreSQL SQL with the MySQL text beside them where translation would change it, and the
executable comments mysqldump wraps views in are opened before the script is split."""

from __future__ import annotations

import re

import sqlglot

from ...model import expr as exprmod
from ...model.objects import Default, Sql, UniqueKey
from ...model.types import NativeType, parse_type
from ..base import quote_mysql
from ..ddl_rules import NOW_RE, DdlRules, Scan, Span
from ..ddl_tokens import Item, Stream
from . import names
from .types import logical

_JSON_VALID = re.compile(r'^\(?\s*json_valid\s*\(\s*[`"]?([^`"()]+?)[`"]?\s*\)\s*\)?$', re.I)
_INTEGER = re.compile(r"^-?\d+$")


def mysql_expr(text: str) -> Sql:
    """A MySQL expression as the model keeps it: PostgreSQL text (sqlglot's translation), plus the MySQL
    original as an override whenever translating back would not give the same statement."""
    text = text.strip()
    try:
        pg = sqlglot.transpile(text, read="mysql", write="postgres")[0]
        back = sqlglot.transpile(pg, read="postgres", write="mysql")[0]
    except Exception:
        return Sql(text, (("mysql", text),))
    if exprmod.parse_problem(pg, "postgres") is not None:
        return Sql(text, (("mysql", text),))
    same = " ".join(back.lower().split()) == " ".join(text.lower().split())  # the generated DDL says what was read
    return Sql(pg) if same else Sql(pg, (("mysql", text),))


_VERSION_COMMENT = re.compile(r"/\*M?!\d*")


def unwrap_executable_comments(sql: str) -> str:
    """MySQL's executable comments (``/*!50001 CREATE VIEW ... */``, MariaDB's ``/*M!100100 ... */``), which
    the server runs and mysqldump wraps views and options in, opened up in place: their markers become spaces,
    so every other character keeps its line and column."""
    out = list(sql)
    i, n = 0, len(sql)
    inside = False
    while i < n:
        c = sql[i]
        if c == "-" and sql.startswith("--", i) or c == "#":
            j = sql.find("\n", i)
            i = n if j < 0 else j + 1
            continue
        if c in ("'", '"', "`"):
            j = i + 1
            while j < n and sql[j] != c:
                j += 2 if sql[j] == "\\" and c != "`" else 1
            i = j + 1
            continue
        if inside and sql.startswith("*/", i):
            out[i] = out[i + 1] = " "
            inside = False
            i += 2
            continue
        if not inside and sql.startswith("/*", i):
            m = _VERSION_COMMENT.match(sql, i)
            if m and not m.group(0).endswith("999999"):  # 999999: no server runs it (mariadb-dump's sandbox line)
                for k in range(i, m.end()):
                    out[k] = " "
                inside = True
                i = m.end()
                continue
            j = sql.find("*/", i + 2)
            i = n if j < 0 else j + 2
            continue
        i += 1
    return "".join(out)


# MySQL syntax sqlglot 30's parser rejects, bridged for it (``DdlRules.bridge``)
def visible(scan: Scan, k: int) -> list[Span]:
    """A column's VISIBLE (INVISIBLE parses)."""
    items = scan.items
    column_level = (scan.table_body and scan.depth[k] == 1) or (scan.first == "ALTER" and scan.depth[k] == 0)
    if items[k].up == "VISIBLE" and k >= 2 and column_level and not scan.punct(k - 1, ",") \
            and not scan.punct(k - 1, "("):
        return scan.span(k, k)
    return []


def using_before_keys(scan: Scan, k: int) -> list[Span]:
    """KEY [name] USING BTREE (...), PRIMARY KEY USING HASH (...), CREATE INDEX i USING BTREE ON t."""
    if scan.is_(k, "USING") and k >= 2 and k + 2 < len(scan.items) \
            and (scan.is_(k + 2, "ON") or scan.punct(k + 2, "(")) \
            and (scan.items[k - 1].up in ("KEY", "INDEX") or scan.items[k - 2].up in ("KEY", "INDEX")):
        return scan.span(k, k + 1)
    return []


def using_after_keys(scan: Scan, k: int) -> list[Span]:
    """CREATE INDEX i ON t (...) USING BTREE (sqlglot falls back to a Command)."""
    if scan.index and scan.depth[k] == 0 and scan.is_(k, "USING") and scan.punct(k - 1, ")") \
            and k + 1 < len(scan.items):
        return scan.span(k, k + 1)
    return []


def rename_as_to(scan: Scan, k: int) -> list[Span]:
    """ALTER TABLE t RENAME AS u: read as RENAME TO."""
    return scan.span(k + 1, k + 1, "TO") if scan.first == "ALTER" and scan.is_(k, "RENAME", "AS") else []


def _next_number(names, prefix: str) -> int:
    """One more than the largest ``<prefix><n>`` among ``names``: how the server numbers unnamed keys."""
    taken = [int(n[len(prefix):]) for n in names if n.startswith(prefix) and n[len(prefix):].isdigit()]
    return max(taken, default=0) + 1


class MysqlDdl(DdlRules):
    name = "mysql"
    names = names
    string_names = True
    schemas = False
    keys_in_table = True
    pk_names = False  # every MySQL primary key is called PRIMARY
    index_using_before_on = True
    prefix_lengths = True
    on_update = True
    rename_as = True
    modify_columns = True
    drop_foreign_key = True
    drop_index_drops_keys = True
    gaps = DdlRules.gaps + (visible, using_before_keys, using_after_keys, rename_as_to)

    def logical_type(self, native: str) -> NativeType:
        return logical(native)

    def quote(self, ident: str) -> str:
        return quote_mysql(ident)

    def prepare(self, text: str, skipped) -> str:
        return unwrap_executable_comments(text)

    def expr(self, text: str) -> Sql:
        return mysql_expr(text)

    def default(self, raw: str, native: NativeType, items: list[Item]) -> Default | None:
        """MySQL prints values as values (``'pending'``, ``0``, ``-1``): literals, typed by the column."""
        lt = parse_type(native.logical)
        if len(items) == 1 and items[0].kind == "str":
            v = items[0].text
            if native.enum is not None or lt.is_text_like or lt.is_temporal:
                return Default.literal(v)
            if lt.base == "boolean" and v in ("0", "1"):
                return Default.literal(v == "1")
            if lt.is_numeric and _INTEGER.match(v):
                return Default.literal(int(v))
            return Default.literal(v)
        if len(items) == 1 and items[0].kind == "num":
            if lt.base == "boolean" and items[0].text in ("0", "1"):
                return Default.literal(items[0].text == "1")
            return Default.literal(int(items[0].text) if _INTEGER.match(items[0].text) else float(items[0].text))
        if len(items) == 2 and items[0].text == "-" and items[1].kind == "num" and items[1].text.isdigit():
            return Default.literal(-int(items[1].text))
        if NOW_RE.match(raw):
            return Default.expr("now()")
        if lt.base == "boolean" and raw.upper() in ("TRUE", "FALSE"):
            return Default.literal(raw.upper() == "TRUE")
        inner = raw[1:-1] if raw.startswith("(") and raw.endswith(")") else raw
        e = self.expr(inner)
        if e.overrides:
            return Default("expression", None, Sql(e.text, (("mysql", raw),)))
        return Default("expression", None, e)

    collation_key = "mysql_collation"

    def collation(self, s: Stream) -> tuple[str | None, str]:
        name = s.next().text
        return name.lower(), name

    def check_name(self, t, only_column: str | None) -> str:
        return names.check(t.name, None, _next_number((c.name for c in t.table.checks), names.check_prefix(t.name)))

    def fk_name(self, t, columns: tuple[str, ...]) -> str:
        taken = (f.name for f in t.table.foreign_keys)
        return names.foreign_key(t.name, columns, _next_number(taken, names.foreign_key_prefix(t.name)))

    def view_fields(self, security: str | None) -> dict:
        return {"security": security} if security else {}

    def finish_table(self, t, drop_note) -> None:
        """MariaDB's JSON as mariadb-dump prints it (LONGTEXT utf8mb4_bin with a ``json_valid(col)`` CHECK
        named after the column) is a json column, as inspect reads it; a unique index on plain columns is a
        unique key (the catalog cannot tell them apart)."""
        for ck in t.table.checks:
            col = t.col(ck.name)
            m = _JSON_VALID.match(ck.expression.override("mysql") or ck.expression.text)
            if col is None or m is None or m.group(1) != col.name or col.type_override("mysql") != "longtext":
                continue
            t.set_col(col.name, type="json", type_overrides=())
            t.keep("checks", lambda c, ck=ck: c is not ck)
            if (col.mysql_collation or "utf8mb4_bin") == "utf8mb4_bin":  # MariaDB's own for JSON
                t.set_col(col.name, mysql_charset=None, mysql_collation=None)
        keys = [ix for ix in t.table.indexes if ix.unique and all(p.column and not p.descending for p in ix.parts)]
        t.keep("indexes", lambda ix: ix not in keys)
        for ix in keys:
            t.add("uniques", UniqueKey(ix.name, ix.columns, False, ix.origin))


RULES = MysqlDdl()
