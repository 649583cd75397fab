"""Read DDL scripts (``CREATE TABLE`` ... as people and ``pg_dump``/``mysqldump`` write them) into a ``Module``.

The second front end of the loader: ``build.py`` reads the schema's YAML, this reads SQL. Statements are
split by ``sqlfile.split_statements`` and lexed by sqlglot's tokenizer for the dialect; a small reader
walks the tokens and keeps every expression (CHECK, DEFAULT, index predicate, policy) as the exact text its
author wrote. sqlglot's parser validates the statements it understands, so bad SQL is one located error.

Nothing is dropped silently: a statement the model cannot hold is kept verbatim (``ImportResult.unmanaged``),
and a clause the model cannot hold inside an otherwise imported statement is listed (``ImportResult.notes``),
both with ``file:line``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

import sqlglot
from sqlglot.errors import ParseError, TokenError

from ..dialects.base import get, quote_mysql, quote_pg
from ..errors import LoadError
from ..model import expr as exprmod
from ..model.objects import (
    Check,
    Column,
    Default,
    ForeignKey,
    Function,
    Index,
    IndexPart,
    Module,
    Origin,
    Policy,
    PrimaryKey,
    Rls,
    Sql,
    Table,
    Trigger,
    UniqueKey,
    View,
)
from ..model.types import NativeType, parse_type
from . import sqlfile

# ------------------------------------------------------------------------------------------ results


@dataclass(frozen=True)
class Note:
    """Something not represented in the model, where it was written, and (for whole statements) its text."""

    location: str
    message: str
    statement: str | None = None

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


@dataclass
class ImportResult:
    module: Module
    notes: list[Note] = field(default_factory=list)  # clauses not represented
    unmanaged: list[Note] = field(default_factory=list)  # whole statements kept verbatim
    skipped: list[Note] = field(default_factory=list)  # session/transaction statements with no schema meaning

    def unmanaged_sql(self, dialect: str) -> str | None:
        """The statements kept verbatim, each under a ``-- file:line: reason`` line; None when there are none."""
        if not self.unmanaged and not self.notes:
            return None
        lines = [f"-- Statements and clauses of the imported scripts that jobschema does not manage ({dialect}).",
                 "-- jobschema neither generates nor audits them; apply them yourself where you still need them.",
                 ""]
        for n in self.notes:
            lines.append(f"-- not represented: {_one_line(str(n))}")
        if self.notes:
            lines.append("")
        for n in self.unmanaged:
            lines.append(f"-- {_one_line(str(n))}")
            lines.append((n.statement or "").rstrip().rstrip(";") + ";")
            lines.append("")
        return "\n".join(lines).rstrip() + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())


# ------------------------------------------------------------------------------------------- tokens

@dataclass(frozen=True)
class Item:
    kind: str  # "word" | "qid" (quoted identifier) | "str" | "num" | "punct" | "other"
    text: str  # words as written; strings unescaped; quoted identifiers unquoted
    start: int
    end: int  # inclusive
    line: int
    col: int

    @property
    def up(self) -> str:
        return self.text.upper() if self.kind == "word" else ""


_WORDISH = re.compile(r"^[A-Za-z_][A-Za-z0-9_$]*$")


def lex(text: str, dialect: str) -> list[Item]:
    toks = sqlglot.Dialect.get_or_raise(dialect).tokenize(text)
    out: list[Item] = []
    for t in toks:
        name = t.token_type.name
        if name == "IDENTIFIER":
            out.append(Item("qid", t.text, t.start, t.end, t.line, t.col))
        elif name == "STRING":
            out.append(Item("str", t.text, t.start, t.end, t.line, t.col))
        elif name == "NUMBER":
            out.append(Item("num", t.text, t.start, t.end, t.line, t.col))
        else:
            raw = text[t.start:t.end + 1]
            words = list(re.finditer(r"\S+", raw))
            if len(words) > 1 and all(_WORDISH.match(w.group(0)) for w in words):
                for w in words:
                    out.append(Item("word", w.group(0), t.start + w.start(), t.start + w.end() - 1, t.line, t.col))
            elif _WORDISH.match(raw):
                out.append(Item("word", raw, t.start, t.end, t.line, t.col))
            elif raw in ("(", ")", ",", ".", "[", "]", "=", ";", "::"):
                out.append(Item("punct", raw, t.start, t.end, t.line, t.col))
            else:
                out.append(Item("other", raw, t.start, t.end, t.line, t.col))
    return out


class Syntax(Exception):
    def __init__(self, message: str, item: Item | None):
        super().__init__(message)
        self.item = item


class Stream:
    """A cursor over the items of one statement (or of one part of it)."""

    def __init__(self, text: str, items: list[Item], dialect: str):
        self.text, self.items, self.dialect, self.i = text, items, dialect, 0

    def sub(self, a: int, b: int) -> Stream:
        return Stream(self.text, self.items[a:b], self.dialect)

    def at_end(self) -> bool:
        return self.i >= len(self.items)

    def peek(self, k: int = 0) -> Item | None:
        j = self.i + k
        return self.items[j] if j < len(self.items) else None

    def is_(self, *words: str) -> bool:
        for k, w in enumerate(words):
            it = self.peek(k)
            if it is None:
                return False
            if w in ("(", ")", ",", ".", "=", "[", "]", "::"):
                if it.kind != "punct" or it.text != w:
                    return False
            elif it.up != w:
                return False
        return True

    def accept(self, *words: str) -> bool:
        if self.is_(*words):
            self.i += len(words)
            return True
        return False

    def expect(self, *words: str) -> None:
        if not self.accept(*words):
            raise Syntax(f"expected {' '.join(words)}", self.peek() or (self.items[-1] if self.items else None))

    def next(self) -> Item:
        it = self.peek()
        if it is None:
            raise Syntax("unexpected end of statement", self.items[-1] if self.items else None)
        self.i += 1
        return it

    def ident(self) -> str:
        it = self.next()
        if it.kind == "qid":
            return it.text
        if it.kind == "word":
            return it.text.lower() if self.dialect == "postgres" else it.text
        if it.kind == "str" and self.dialect == "mysql":
            return it.text
        raise Syntax(f"expected a name, found {it.text!r}", it)

    def qname(self) -> tuple[str | None, str]:
        first = self.ident()
        if self.accept("."):
            second = self.ident()
            if self.accept("."):  # database.schema.name: keep the last two
                return second, self.ident()
            return first, second
        return None, first

    def paren_range(self) -> tuple[int, int]:
        """At '(': consume through the matching ')'; return the item range strictly inside."""
        self.expect("(")
        start = self.i
        depth = 1
        while not self.at_end():
            it = self.items[self.i]
            if it.kind == "punct" and it.text in ("(", "["):
                depth += 1
            elif it.kind == "punct" and it.text in (")", "]"):
                depth -= 1
                if depth == 0:
                    self.i += 1
                    return start, self.i - 1
            self.i += 1
        raise Syntax("unbalanced parentheses", self.items[start - 1])

    def raw(self, a: int, b: int) -> str:
        """Source text of items [a, b)."""
        if a >= b:
            return ""
        return self.text[self.items[a].start:self.items[b - 1].end + 1]

    def paren_text(self) -> str:
        a, b = self.paren_range()
        return self.raw(a, b).strip()

    def split_commas(self, a: int, b: int) -> list[tuple[int, int]]:
        """Top-level comma-separated ranges of [a, b); an empty range (``,,``) starts at its comma."""
        parts, depth, start = [], 0, a
        for j in range(a, b):
            it = self.items[j]
            if it.kind == "punct" and it.text in ("(", "["):
                depth += 1
            elif it.kind == "punct" and it.text in (")", "]"):
                depth -= 1
            elif it.kind == "punct" and it.text == "," and depth == 0:
                parts.append((start, j))
                start = j + 1
        if start < b:
            parts.append((start, b))
        return parts

    def name_list(self) -> list[str]:
        a, b = self.paren_range()
        out = []
        for x, y in self.split_commas(a, b):
            s = self.sub(x, y)
            out.append(s.ident())
        return out

    def until(self, stops: set[str]) -> tuple[int, int]:
        """Items from here up to (not including) the next top-level word in ``stops``."""
        start, depth = self.i, 0
        while not self.at_end():
            it = self.items[self.i]
            if it.kind == "punct" and it.text in ("(", "["):
                depth += 1
            elif it.kind == "punct" and it.text in (")", "]"):
                depth -= 1
            elif depth == 0 and it.up in stops:
                break
            self.i += 1
        return start, self.i


# ------------------------------------------------------------------------------------------- types

TypeInfo = NativeType


def logical_type(raw: str, dialect: str) -> NativeType:
    """Map a native type as written to a logical type (plus a per-dialect override when needed): the
    dialect's one type map, the same inspect uses."""
    from importlib import import_module

    return import_module(type(get(dialect)).__module__ + ".types").logical(raw)


# ----------------------------------------------------------------------------------------- builders

@dataclass
class ColB:
    name: str
    type: TypeInfo
    nullable: bool = True
    default: Default | None = None
    comment: str | None = None
    identity: str | None = None
    generated: Sql | None = None
    collation: str | None = None
    origin: Origin = field(default_factory=Origin)
    on_update: Sql | None = None


@dataclass
class TableB:
    name: str
    namespace: str
    origin: Origin
    columns: list[ColB] = field(default_factory=list)
    comment: str | None = None
    pk: PrimaryKey | None = None
    uniques: list[UniqueKey] = field(default_factory=list)
    indexes: list[Index] = field(default_factory=list)
    fks: list[ForeignKey] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    rls_enabled: bool = False
    rls_forced: bool = False
    policies: list[Policy] = field(default_factory=list)
    engine: str | None = None
    ibfk: int = 0
    mysql_checks: int = 0

    def col(self, name: str) -> ColB | None:
        for c in self.columns:
            if c.name == name or c.name.lower() == name.lower():
                return c
        return None

    def names(self) -> set[str]:
        out = {c.name for c in self.checks} | {u.name for u in self.uniques} | {f.name for f in self.fks}
        if self.pk and self.pk.name:
            out.add(self.pk.name)
        return out


FK_ACTIONS = {"NO ACTION": "no action", "RESTRICT": "restrict", "CASCADE": "cascade", "SET NULL": "set null",
              "SET DEFAULT": "set default"}
COLUMN_STOPS = {"CONSTRAINT", "NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE", "REFERENCES", "CHECK", "GENERATED",
                "COLLATE", "COMMENT", "AUTO_INCREMENT", "ON", "AS", "KEY", "CHARACTER", "CHARSET", "VISIBLE",
                "INVISIBLE", "STORED", "VIRTUAL", "COLUMN_FORMAT", "STORAGE", "COMPRESSION"}
SESSION_WORDS = {"SET", "BEGIN", "COMMIT", "START", "END", "ROLLBACK", "USE", "SELECT", "RESET", "LOCK", "UNLOCK",
                 "ANALYZE", "VACUUM", "CHECKPOINT"}
SQL_VERBS = {"CREATE", "ALTER", "DROP", "COMMENT", "GRANT", "REVOKE", "INSERT", "UPDATE", "DELETE", "DO", "CALL",
             "TRUNCATE", "REFRESH", "CLUSTER", "REINDEX", "SECURITY", "COPY", "WITH", "RENAME", "DELIMITER",
             "VALUES", "EXECUTE", "PREPARE", "DEALLOCATE", "DISCARD", "NOTIFY", "LISTEN", "IMPORT", "REPLACE",
             "LOAD", "FLUSH", "OPTIMIZE", "REPAIR", "INSTALL", "SAVEPOINT", "RELEASE", "XA", "HANDLER", "SHOW",
             "DECLARE", "FETCH", "MOVE", "CLOSE", "EXPLAIN", "SOURCE"} | SESSION_WORDS

CREATE_KINDS = {"TABLE", "INDEX", "VIEW", "FUNCTION", "PROCEDURE", "TRIGGER", "POLICY", "SCHEMA", "EXTENSION",
                "SEQUENCE", "TYPE", "DOMAIN", "ROLE", "USER", "EVENT", "DATABASE", "AGGREGATE", "OPERATOR",
                "RULE", "PUBLICATION", "SUBSCRIPTION", "SERVER", "CAST", "COLLATION", "STATISTICS", "LANGUAGE",
                "TABLESPACE", "CONVERSION", "TRANSFORM", "ACCESS"}
# The block jobschema renders for a module's ``roles`` (dialects/postgres/templates/roles.sql.j2).
_ROLES_BLOCK = re.compile(r"^DO\s+\$jobschema_roles\$.*?ARRAY\s*\[([^\]]*)\]", re.S)
_META_COMMAND = re.compile(r"^[ \t]*\\[A-Za-z!?][^\n]*", re.M)
_EMPTY_SEARCH_PATH = re.compile(r"set_config\s*\(\s*'search_path'\s*,\s*''|search_path\s*(=|TO)\s*''", re.I)
_JSON_VALID = re.compile(r'^\(?\s*json_valid\s*\(\s*[`"]?([^`"()]+?)[`"]?\s*\)\s*\)?$', re.I)
_NOW_RE = re.compile(r"^(current_timestamp|now|localtimestamp)(\(\s*\d*\s*\))?$", re.I)
_NEXTVAL = re.compile(r"^nextval\(\s*'([^']+)'(?:\s*::\s*regclass)?\s*\)$", re.I)


def _pg_truncate(name: str) -> str:
    return name.encode("utf-8")[:63].decode("utf-8", "ignore")


class Importer:
    def __init__(self, dialect: str, module: str, namespace: str | None):
        self.dialect = dialect
        self.module_name = module
        self.namespace = namespace or "public"
        self.tables: dict[tuple[str, str], TableB] = {}
        self.views: list[View] = []
        self.functions: list[Function] = []
        self.triggers: list[Trigger] = []
        self.schemas: list[str] = []
        self.extensions: list[str] = []
        self.roles: list[str] = []
        self.sequences: dict[str, dict] = {}
        self.enum_statements: dict[str, tuple] = {}  # enum type -> (file, statement); dropped once a column uses it
        self.enum_types: dict[str, tuple[str, ...]] = {}
        self.notes: list[Note] = []
        self.unmanaged: list[Note] = []
        self.skipped: list[Note] = []
        self.index_names: set[tuple[str, str]] = set()
        self.qualified = False  # the script emptied search_path (pg_dump does): every name carries its schema

    # -- helpers ---------------------------------------------------------------------------------
    def loc(self, file: str, stmt: sqlfile.Statement, item: Item | None = None) -> str:
        line = stmt.line + (item.line - 1 if item is not None else 0)
        return f"{file}:{line}"

    def note(self, file, stmt, item, message):
        self.notes.append(Note(self.loc(file, stmt, item), message))

    def keep(self, file, stmt, reason):
        self.unmanaged.append(Note(self.loc(file, stmt), reason, stmt.text))

    def ns(self, ns: str | None) -> str:
        return ns if ns is not None and self.dialect == "postgres" else self.namespace

    def table(self, ns: str | None, name: str) -> TableB | None:
        return self.tables.get((self.ns(ns), name))

    def meta_commands(self, file: str, text: str) -> str:
        """``text`` with its psql meta-commands (pg_dump's ``\\restrict``/``\\unrestrict``: one line each,
        no semicolon) blanked in place, each listed as skipped at its line."""
        def blank(m: re.Match) -> str:
            line = text.count("\n", 0, m.start()) + 1
            word = m.group(0).split()[0]
            self.skipped.append(Note(f"{file}:{line}", f"psql meta-command {word} is for psql, not the schema; "
                                     "skipped", m.group(0).strip()))
            return " " * len(m.group(0))

        return _META_COMMAND.sub(blank, text)

    def own_names(self, text: str, namespace: str) -> str:
        """``text`` without the ``<namespace>.`` qualifiers a dump tool wrote because it emptied search_path:
        they are the tool's, not the author's, and the module's namespace is implicit in its files."""
        if not self.qualified:
            return text
        items = lex(text, self.dialect)
        out, last = [], 0
        for k, it in enumerate(items[:-1]):
            nxt, prev = items[k + 1], items[k - 1] if k else None
            if it.kind in ("word", "qid") and it.text == namespace and nxt.kind == "punct" and nxt.text == "." \
                    and not (prev is not None and prev.kind == "punct" and prev.text == "."):
                out.append(text[last:it.start])
                last = nxt.end + 1
        out.append(text[last:])
        return "".join(out)

    def expr(self, text: str) -> Sql:
        """An expression as the model keeps it: PostgreSQL text, plus the MySQL original when translation
        does not give it back."""
        text = text.strip()
        if self.dialect == "postgres":
            return Sql(text)
        return mysql_expr(text)

    # -- statements ------------------------------------------------------------------------------
    def statement(self, file: str, stmt: sqlfile.Statement) -> None:
        try:
            items = lex(stmt.text, self.dialect)
        except (TokenError, Exception) as exc:
            raise LoadError(f"cannot read SQL: {_one_line(str(exc))[:200]}", file, stmt.line, 1) from None
        s = Stream(stmt.text, items, self.dialect)
        first = s.peek()
        word = first.up if first else ""
        try:
            if word == "CREATE":
                self.create(file, stmt, s)
            elif word == "ALTER":
                self.alter(file, stmt, s)
            elif word == "COMMENT":
                self.comment(file, stmt, s)
            elif word in SESSION_WORDS:
                if _EMPTY_SEARCH_PATH.search(stmt.text):
                    self.qualified = True
                self.skipped.append(Note(self.loc(file, stmt), f"{word} statement has no schema meaning; skipped",
                                         stmt.text))
            elif word == "DROP":
                self.drop(file, stmt, s)
            elif word == "DO" and (m := _ROLES_BLOCK.match(stmt.text)):
                self.roles.extend(r for r in re.findall(r"'((?:[^']|'')*)'", m.group(1)) if r not in self.roles)
            elif word in SQL_VERBS:
                self.keep(file, stmt, f"{word} statement is not schema jobschema manages")
            else:
                self.validate(file, stmt)
                raise LoadError(f"not an SQL statement jobschema knows (starts with {first.text if first else ''!r})",
                                file, stmt.line, 1)
        except Syntax as exc:
            self.validate(file, stmt)
            it = exc.item
            line = stmt.line + (it.line - 1 if it else 0)
            raise LoadError(f"cannot read this statement: {exc}" + (f" at {it.text!r}" if it else ""), file, line,
                            it.col if it else 1) from None

    def validate(self, file: str, stmt: sqlfile.Statement) -> None:
        """Raise a located error when sqlglot rejects the statement."""
        log = logging.getLogger("sqlglot")
        level = log.level
        log.setLevel(logging.ERROR)  # "falling back to parsing as a Command" is not news here
        try:
            sqlglot.parse_one(stmt.text, read=self.dialect)
        except ParseError as exc:
            errs = exc.errors or [{}]
            line = stmt.line + (errs[0].get("line") or 1) - 1
            desc = errs[0].get("description") or str(exc).splitlines()[0]
            raise LoadError(f"invalid SQL: {desc}", file, line, errs[0].get("col")) from None
        except TokenError as exc:
            raise LoadError(f"invalid SQL: {_one_line(str(exc))[:200]}", file, stmt.line, 1) from None
        except Exception:
            return
        finally:
            log.setLevel(level)

    def create(self, file, stmt, s: Stream) -> None:
        s.expect("CREATE")
        words = [it.up for it in s.items[s.i:s.i + 16] if it.kind == "word"]
        kind = next((w for w in words if w in CREATE_KINDS), "")
        before = words[:words.index(kind)] if kind else words
        head = " ".join(words)
        if kind == "TABLE" and not set(before) - {"OR", "REPLACE", "GLOBAL", "LOCAL", "TEMP", "TEMPORARY",
                                                   "UNLOGGED"}:
            return self.create_table(file, stmt, s)
        if kind == "INDEX":
            return self.create_index(file, stmt, s)
        if kind == "VIEW":
            return self.create_view(file, stmt)
        if kind in ("FUNCTION", "PROCEDURE"):
            return self.create_function(file, stmt)
        if kind == "TRIGGER":
            return self.create_trigger(file, stmt)
        if head.startswith("POLICY"):
            return self.create_policy(file, stmt, s)
        if head.startswith("SCHEMA"):
            s.expect("SCHEMA")
            s.accept("IF", "NOT", "EXISTS")
            name = s.ident()
            if name not in self.schemas and name != "public":
                self.schemas.append(name)
            if not s.at_end():
                self.note(file, stmt, s.peek(), "CREATE SCHEMA options (AUTHORIZATION ...) are not kept")
            return None
        if head.startswith("EXTENSION"):
            s.expect("EXTENSION")
            s.accept("IF", "NOT", "EXISTS")
            name = s.ident()
            if name not in self.extensions:
                self.extensions.append(name)
            if not s.at_end():
                self.note(file, stmt, s.peek(), "CREATE EXTENSION options (SCHEMA, VERSION) are not kept")
            return None
        if head.startswith("SEQUENCE") or re.match(r"^(TEMP|TEMPORARY|UNLOGGED) SEQUENCE", head):
            while not s.accept("SEQUENCE"):
                s.next()
            s.accept("IF", "NOT", "EXISTS")
            ns, name = s.qname()
            opts = s.raw(s.i, len(s.items)).strip()
            self.sequences[f"{self.ns(ns)}.{name}"] = {"stmt": stmt, "file": file, "owned": None,
                                                      "options": opts, "used": False}
            return None
        if head.startswith("TYPE"):
            s.expect("TYPE")
            ns, name = s.qname()
            if s.accept("AS", "ENUM"):
                a, b = s.paren_range()
                vals = tuple(it.text for it in s.items[a:b] if it.kind == "str")
                self.enum_types[f"{self.ns(ns)}.{name}"] = vals  # the columns using it name it as enum_type
                self.enum_statements[f"{self.ns(ns)}.{name}"] = (file, stmt)
                return None
        self.keep(file, stmt, f"CREATE {' '.join(words[:2])} is not a kind of object the schema holds")
        return None

    # -- tables ----------------------------------------------------------------------------------
    def create_table(self, file, stmt, s: Stream) -> None:
        while not s.accept("TABLE"):
            it = s.next()
            if it.up in ("TEMP", "TEMPORARY", "UNLOGGED"):
                return self.keep(file, stmt, f"{it.up} tables are not part of a schema jobschema manages")
        s.accept("IF", "NOT", "EXISTS")
        ns, name = s.qname()
        if not s.is_("("):
            return self.keep(file, stmt, "CREATE TABLE without a column list (AS, OF, PARTITION OF, LIKE) is not "
                             "represented")
        key = (self.ns(ns), name)
        if key in self.tables:
            raise LoadError(f"table {key[0]}.{name} is created twice", file, stmt.line, 1)
        t = TableB(name, key[0], Origin(file, stmt.line, 1))
        a, b = s.paren_range()
        for x, y in s.split_commas(a, b):
            if x == y:
                raise Syntax("empty element in the column list", s.items[x])
            self.element(file, stmt, s.sub(x, y), t)
        self.table_options(file, stmt, s, t)
        self.tables[key] = t

    def table_options(self, file, stmt, s: Stream, t: TableB) -> None:
        while not s.at_end():
            it = s.peek()
            if s.accept("ENGINE"):
                s.accept("=")
                t.engine = s.next().text
            elif s.accept("COMMENT"):
                s.accept("=")
                c = s.next()
                if c.kind != "str":
                    raise Syntax("expected a string after COMMENT", c)
                t.comment = c.text
            elif s.is_("DEFAULT") or s.is_("CHARSET") or s.is_("CHARACTER") or s.is_("COLLATE"):
                s.accept("DEFAULT")
                if s.accept("CHARACTER", "SET") or s.accept("CHARSET"):
                    s.accept("=")
                    cs = s.next().text
                    if cs.lower() != "utf8mb4":
                        self.note(file, stmt, it, f"table character set {cs} is not kept (generated tables use "
                                  "utf8mb4)")
                elif s.accept("COLLATE"):
                    s.accept("=")
                    coll = s.next().text
                    if coll.lower() != "utf8mb4_unicode_ci":
                        self.note(file, stmt, it, f"table collation {coll} is not kept (generated tables use "
                                  "utf8mb4_unicode_ci)")
                else:
                    s.next()
            elif s.accept("AUTO_INCREMENT"):
                s.accept("=")
                n = s.next().text
                self.skipped.append(Note(self.loc(file, stmt, it), f"AUTO_INCREMENT={n} of {t.name} is the counter's "
                                         "state, not schema; skipped"))
            elif it.kind == "punct" and it.text == ",":
                s.next()
            else:
                a, _ = s.i, s.until(set())
                self.note(file, stmt, it, f"table option {_one_line(s.raw(a, len(s.items)))[:80]!r} of {t.name} "
                          "is not represented")
                return

    def element(self, file, stmt, s: Stream, t: TableB) -> None:
        if s.at_end():
            raise Syntax("empty element in the column list", s.items[0] if s.items else None)
        if s.is_("CONSTRAINT") or s.is_("PRIMARY") or s.is_("UNIQUE") or s.is_("FOREIGN") or s.is_("CHECK") or \
                s.is_("EXCLUDE") or s.is_("LIKE") or s.is_("FULLTEXT") or s.is_("SPATIAL") or (
                self.dialect == "mysql" and (s.is_("KEY") or s.is_("INDEX"))):
            return self.table_constraint(file, stmt, s, t)
        self.column(file, stmt, s, t)

    def enum_column_type(self, s: Stream, a: int, b: int) -> TypeInfo | None:
        """A column typed with an enum type the scripts create (``status job_status``, ``tags "T"[]``)."""
        keep = s.i
        try:
            s.i = a
            ns, name = s.qname()
            dims = 0
            while s.i < b and s.accept("[", "]"):
                dims += 1
            if s.i != b:
                return None
        except Syntax:
            return None
        finally:
            s.i = keep
        for space in ((ns,) if ns is not None else (self.namespace, "public")):
            vals = self.enum_types.get(f"{space}.{name}")
            if vals is not None:
                self.enum_statements.pop(f"{space}.{name}", None)
                return TypeInfo("text" + "[]" * dims, None, vals, enum_type=(space, name))
        return None

    def column(self, file, stmt, s: Stream, t: TableB) -> None:
        first = s.peek()
        name = s.ident()
        a, b = self.type_span(s)
        raw_type = s.raw(a, b)
        if not raw_type:
            raise Syntax(f"column {name} has no type", first)
        lowered = " ".join(raw_type.lower().split())
        info = self.enum_column_type(s, a, b) if self.dialect == "postgres" else None
        if self.dialect == "postgres" and info is None:
            key = lowered.strip('"')
            for qual in (f"{self.namespace}.{key}", f"public.{key}", key if "." in key else None):
                if qual and qual in self.enum_types:
                    info = TypeInfo("text", None, self.enum_types[qual])
        if info is None:
            info = logical_type(raw_type, self.dialect)
        col = ColB(name, info, origin=Origin(file, stmt.line + first.line - 1, first.col))
        t.columns.append(col)
        cname = None
        while not s.at_end():
            it = s.peek()
            if s.accept("CONSTRAINT"):
                cname = s.ident()
                continue
            if s.accept("NOT", "NULL"):
                col.nullable = False
            elif s.accept("NULL"):
                col.nullable = True
            elif s.accept("DEFAULT"):
                x, y = s.until((COLUMN_STOPS - {"NULL", "CHARACTER", "AS", "KEY"}) | {"NOT"})
                col.default = self.default(s.raw(x, y), col)
            elif s.accept("PRIMARY", "KEY"):
                t.pk = PrimaryKey((name,), cname, Origin(file, stmt.line + it.line - 1, it.col))
                col.nullable = False
            elif s.accept("UNIQUE"):
                s.accept("KEY")
                nnd = s.accept("NULLS", "NOT", "DISTINCT")
                s.accept("NULLS", "DISTINCT")
                uname = cname or (name if self.dialect == "mysql" else _pg_truncate(f"{t.name}_{name}_key"))
                t.uniques.append(UniqueKey(uname, (name,), nnd, Origin(file, stmt.line + it.line - 1, it.col)))
            elif s.is_("REFERENCES"):
                self.references(file, stmt, s, t, (name,), cname, it)
            elif s.accept("CHECK"):
                text = s.paren_text()
                if s.accept("NO", "INHERIT"):
                    self.note(file, stmt, s.items[s.i - 2], f"NO INHERIT of a check on {t.name}.{name} is not kept")
                ck = cname or (name if self.dialect == "mysql" else f"{t.name}_{name}_check")
                t.checks.append(Check(self.unique_name(t, ck), self.expr(text),
                                      origin=Origin(file, stmt.line + it.line - 1, it.col)))
            elif s.accept("GENERATED"):
                if s.accept("ALWAYS", "AS", "IDENTITY") or s.accept("BY", "DEFAULT", "AS", "IDENTITY"):
                    col.identity = "always" if s.items[s.i - 3].up == "ALWAYS" else "by default"
                    col.nullable = False  # identity columns are NOT NULL
                    if s.is_("("):
                        opts = s.paren_text()
                        if not _default_sequence_options(opts):
                            self.note(file, stmt, it, f"identity options of {t.name}.{name} ({_one_line(opts)}) "
                                      "are not kept")
                else:
                    s.expect("ALWAYS", "AS")
                    col.generated = self.expr(s.paren_text())
                    if s.accept("VIRTUAL"):
                        self.note(file, stmt, it, f"{t.name}.{name} is VIRTUAL; the model's generated columns are "
                                  "STORED")
                    s.accept("STORED")
            elif s.accept("AS"):
                col.generated = self.expr(s.paren_text())
                if s.accept("VIRTUAL"):
                    self.note(file, stmt, it, f"{t.name}.{name} is VIRTUAL; the model's generated columns are STORED")
                s.accept("STORED")
            elif s.accept("COLLATE"):
                coll = s.ident() if self.dialect == "postgres" else s.next().text
                if self.dialect == "postgres":
                    col.collation = coll
                else:
                    self.note(file, stmt, it, f"collation {coll} of {t.name}.{name} is not kept (MySQL columns use "
                              "the table collation)")
            elif s.accept("COMMENT"):
                c = s.next()
                if c.kind != "str":
                    raise Syntax("expected a string after COMMENT", c)
                col.comment = c.text
            elif s.accept("AUTO_INCREMENT"):
                col.identity = "by default"
            elif s.accept("KEY"):
                t.pk = PrimaryKey((name,), None, Origin(file, stmt.line + it.line - 1, it.col))
            elif self.dialect == "mysql" and s.accept("ON", "UPDATE"):
                x, y = s.until(COLUMN_STOPS - {"NULL", "CHARACTER"})
                raw = s.raw(x, y).strip()
                col.on_update = Sql("now()") if _NOW_RE.match(raw) else mysql_expr(raw)
            elif s.accept("CHARACTER", "SET") or s.accept("CHARSET"):
                cs = s.next().text
                if cs.lower() != "utf8mb4":  # what every generated table uses
                    self.note(file, stmt, it, f"character set {cs} of {t.name}.{name} is not kept")
            elif s.accept("VISIBLE") or s.accept("INVISIBLE") or s.accept("STORED"):
                self.note(file, stmt, it, f"{it.up} on {t.name}.{name} is not represented")
            else:
                raise Syntax(f"unexpected {it.text!r} in the definition of column {name}", it)
            cname = None

    def type_span(self, s: Stream) -> tuple[int, int]:
        """Items of a column's type: up to the first top-level constraint word (``character varying`` and
        ``character(n)`` are types; ``CHARACTER SET`` starts a clause)."""
        start, depth = s.i, 0
        while not s.at_end():
            it = s.items[s.i]
            if it.kind == "punct" and it.text in ("(", "["):
                depth += 1
            elif it.kind == "punct" and it.text in (")", "]"):
                depth -= 1
            elif depth == 0 and it.up in COLUMN_STOPS and s.i > start:
                if not (it.up == "CHARACTER" and not s.is_("CHARACTER", "SET")):
                    break
            s.i += 1
        return start, s.i

    def unique_name(self, t: TableB, name: str) -> str:
        used = t.names()
        if name not in used:
            return name
        n = 1
        while f"{name}{n}" in used:
            n += 1
        return f"{name}{n}"

    def default(self, raw: str, col: ColB) -> Default | None:
        raw = raw.strip()
        items = lex(raw, self.dialect)
        if len(items) == 1 and items[0].up == "NULL":
            return None
        if self.dialect == "postgres":
            return Default.expr(raw)
        lt = parse_type(col.type.logical)
        if len(items) == 1 and items[0].kind == "str":
            v = items[0].text
            if col.type.enum is not None or lt.is_text_like or lt.is_temporal:
                return Default.literal(v)
            if lt.base == "boolean" and v in ("0", "1"):
                return Default.literal(v == "1")
            if lt.is_numeric and re.match(r"^-?\d+$", v):
                return Default.literal(int(v))
            return Default.literal(v)
        if len(items) == 1 and items[0].kind == "num":
            if lt.base == "boolean" and items[0].text in ("0", "1"):
                return Default.literal(items[0].text == "1")
            return Default.literal(int(items[0].text) if re.match(r"^-?\d+$", items[0].text) else float(items[0].text))
        if len(items) == 2 and items[0].text == "-" and items[1].kind == "num" and re.match(r"^\d+$", items[1].text):
            return Default.literal(-int(items[1].text))
        if _NOW_RE.match(raw):
            return Default.expr("now()")
        if lt.base == "boolean" and raw.upper() in ("TRUE", "FALSE"):
            return Default.literal(raw.upper() == "TRUE")
        inner = raw[1:-1] if raw.startswith("(") and raw.endswith(")") else raw
        e = self.expr(inner)
        if e.overrides:
            return Default("expression", None, Sql(e.text, (("mysql", raw),)))
        return Default("expression", None, e)

    def references(self, file, stmt, s: Stream, t: TableB, cols: tuple[str, ...], cname: str | None,
                   at: Item) -> None:
        s.expect("REFERENCES")
        rns, rtable = s.qname()
        rcols = tuple(s.name_list()) if s.is_("(") else ()
        fk = dict(on_delete="no action", on_update="no action", deferrable=False, initially_deferred=False,
                  match="simple")
        while not s.at_end():
            it = s.peek()
            if s.accept("MATCH"):
                m = s.next().up
                if m == "PARTIAL":
                    self.note(file, stmt, it, "MATCH PARTIAL is not represented")
                fk["match"] = "full" if m == "FULL" else "simple"
            elif s.accept("ON", "DELETE") or s.accept("ON", "UPDATE"):
                which = "on_delete" if s.items[s.i - 1].up == "DELETE" else "on_update"
                for phrase, val in FK_ACTIONS.items():
                    if s.accept(*phrase.split()):
                        fk[which] = val
                        break
                else:
                    raise Syntax("expected a referential action", s.peek())
                if s.is_("("):
                    self.note(file, stmt, it, "a column list after ON DELETE SET NULL/DEFAULT is not represented")
                    s.paren_range()
            elif s.accept("NOT", "DEFERRABLE"):
                fk["deferrable"] = False
            elif s.accept("DEFERRABLE"):
                fk["deferrable"] = True
            elif s.accept("INITIALLY", "DEFERRED"):
                fk["initially_deferred"] = True
            elif s.accept("INITIALLY", "IMMEDIATE"):
                pass
            elif s.accept("NOT", "VALID"):
                self.note(file, stmt, it, "NOT VALID is not represented (the generated key is validated)")
            else:
                break
        if not rcols:
            target = self.table(rns, rtable)
            if target is not None and target.pk is not None:
                rcols = target.pk.columns
            else:
                raise Syntax(f"REFERENCES {rtable} without columns, and its primary key is not known here", at)
        if cname is None:
            if self.dialect == "mysql":
                t.ibfk += 1
                cname = f"{t.name}_ibfk_{t.ibfk}"
            else:
                cname = _pg_truncate(f"{t.name}_{'_'.join(cols)}_fkey")
        ref_ns = self.ns(rns)
        t.fks.append(ForeignKey(name=self.unique_name(t, cname), columns=cols, ref_table=rtable, ref_columns=rcols,
                                ref_namespace=ref_ns if ref_ns != t.namespace else None,
                                origin=Origin(file, stmt.line + at.line - 1, at.col), **fk))

    def table_constraint(self, file, stmt, s: Stream, t: TableB) -> None:
        at = s.peek()
        origin = Origin(file, stmt.line + at.line - 1, at.col)
        cname = s.ident() if s.accept("CONSTRAINT") else None
        if s.accept("PRIMARY", "KEY"):
            if s.is_("USING") or (self.dialect == "mysql" and not s.is_("(")):
                s.next()
                s.next()
            cols = tuple(self.key_columns(file, stmt, s, t))
            t.pk = PrimaryKey(cols, cname if self.dialect == "postgres" else None, origin)
            for c in cols:
                cb = t.col(c)
                if cb is not None:
                    cb.nullable = False
        elif s.accept("UNIQUE"):
            nnd = s.accept("NULLS", "NOT", "DISTINCT")
            s.accept("NULLS", "DISTINCT")
            if s.accept("KEY") or s.accept("INDEX"):
                pass
            if not s.is_("("):
                cname = s.ident()
            cols = tuple(self.key_columns(file, stmt, s, t))
            name = cname or (cols[0] if self.dialect == "mysql" else _pg_truncate(f"{t.name}_{'_'.join(cols)}_key"))
            t.uniques.append(UniqueKey(self.unique_name(t, name), cols, nnd, origin))
        elif s.accept("FOREIGN", "KEY"):
            if not s.is_("("):
                cname = cname or s.ident()
            cols = tuple(s.name_list())
            self.references(file, stmt, s, t, cols, cname, at)
        elif s.accept("CHECK"):
            text = s.paren_text()
            if cname is None:
                if self.dialect == "mysql":
                    t.mysql_checks += 1
                    cname = f"CONSTRAINT_{t.mysql_checks}"
                else:
                    cname = f"{t.name}_{self.first_column(text, t) or ''}_check".replace("__", "_")
            if s.accept("NOT", "VALID"):
                self.note(file, stmt, at, f"check {cname} is NOT VALID; the generated check is validated")
            if s.accept("NO", "INHERIT"):
                self.note(file, stmt, at, f"NO INHERIT of check {cname} is not kept")
            t.checks.append(Check(self.unique_name(t, cname), self.expr(text), origin=origin))
        elif s.accept("KEY") or s.accept("INDEX"):
            iname = s.ident() if not s.is_("(") else None
            parts = self.index_parts(file, stmt, s, t)
            method = "btree"
            if s.accept("USING"):
                method = s.next().text.lower()
            iname = iname or (parts[0].column or "idx")
            t.indexes.append(Index(iname, tuple(parts), method=method, origin=origin))
        else:
            kind = s.peek().up if s.peek() else "?"
            self.note(file, stmt, at, f"{kind} constraint of {t.name} is not represented: "
                      f"{_one_line(s.raw(0, len(s.items)))[:120]}")
            self.unmanaged.append(Note(f"{origin.file}:{origin.line}", f"{kind} constraint of {t.name} is not "
                                       "represented", f"ALTER TABLE {t.name} ADD {s.raw(0, len(s.items))}"))

    def key_columns(self, file, stmt, s: Stream, t: TableB) -> list[str]:
        a, b = s.paren_range()
        out = []
        for x, y in s.split_commas(a, b):
            sub = s.sub(x, y)
            out.append(sub.ident())
            if not sub.at_end():
                self.note(file, stmt, sub.peek(), f"key column options ({_one_line(sub.raw(sub.i, len(sub.items)))})"
                          f" on {t.name} are not represented")
        return out

    def first_column(self, text: str, t: TableB) -> str | None:
        try:
            tree = sqlglot.parse_one(text, read="postgres")
        except Exception:
            return None
        from sqlglot import exp

        names = {c.name for c in t.columns}
        used = {node.name for node in tree.walk() if isinstance(node, exp.Column) and node.name in names}
        return used.pop() if len(used) == 1 else None  # PostgreSQL: <table>_<col>_check for one column

    # -- indexes ---------------------------------------------------------------------------------
    def index_parts(self, file, stmt, s: Stream, t: TableB | None) -> list[IndexPart]:
        a, b = s.paren_range()
        parts = []
        for x, y in s.split_commas(a, b):
            sub = s.sub(x, y)
            first = sub.peek()
            desc, opclass = False, None
            # trailing modifiers, read from the end
            end = len(sub.items)
            while end > 0:
                last = sub.items[end - 1]
                if last.up in ("ASC", "DESC"):
                    desc = desc or last.up == "DESC"
                    end -= 1
                elif end >= 2 and sub.items[end - 2].up == "NULLS" and last.up in ("FIRST", "LAST"):
                    self.note(file, stmt, last, "NULLS FIRST/LAST in an index is not represented")
                    end -= 2
                else:
                    break
            body = sub.sub(0, end)
            if first.kind == "punct" and first.text == "(":
                i0, i1 = body.paren_range()
                expr = body.raw(i0, i1)
                rest = body.items[body.i:]
            elif len(body.items) >= 2 and body.items[1].kind == "punct" and body.items[1].text == "(" and \
                    first.kind == "word" and (self.dialect == "postgres" or body.items[2].kind != "num"):
                body.next()
                body.paren_range()
                expr = body.raw(0, body.i)
                rest = body.items[body.i:]
            else:
                col = body.ident()
                expr = None
                if body.is_("(") and self.dialect == "mysql":
                    ln = body.paren_text()
                    self.note(file, stmt, first, f"prefix length ({ln}) of index column {col} is not represented")
                rest = body.items[body.i:]
            if rest and rest[0].up == "COLLATE":
                self.note(file, stmt, rest[0], "a COLLATE in an index key is not represented")
                rest = rest[2:]
            if rest:
                opclass = " ".join(r.text for r in rest)
            if expr is not None:
                parts.append(IndexPart(expression=self.expr(expr), descending=desc, opclass=opclass))
            else:
                parts.append(IndexPart(column=col, descending=desc, opclass=opclass))
        return parts

    def create_index(self, file, stmt, s: Stream) -> None:
        unique = s.accept("UNIQUE")
        s.expect("INDEX")
        if s.accept("CONCURRENTLY"):
            pass
        s.accept("IF", "NOT", "EXISTS")
        name = None
        if not s.is_("ON"):
            _, name = s.qname()
        if self.dialect == "mysql" and s.accept("USING"):
            s.next()
        s.expect("ON")
        s.accept("ONLY")
        ns, tname = s.qname()
        t = self.table(ns, tname)
        if t is None:
            if any(v.name == tname for v in self.views):
                v = next(v for v in self.views if v.name == tname)
                self.views[self.views.index(v)] = View(**{**v.__dict__, "extra_sql": v.extra_sql + (
                    (self.dialect, stmt.text),)})
                return None
            return self.keep(file, stmt, f"index on {tname}, which these files do not create")
        method = "btree"
        if s.accept("USING"):
            method = s.next().text.lower()
        parts = self.index_parts(file, stmt, s, t)
        include: tuple[str, ...] = ()
        where = None
        while not s.at_end():
            it = s.peek()
            if s.accept("INCLUDE"):
                include = tuple(s.name_list())
            elif s.accept("WHERE"):
                where = self.expr(s.raw(s.i, len(s.items)))
                s.i = len(s.items)
            elif s.accept("USING"):
                method = s.next().text.lower()
            elif s.accept("NULLS", "NOT", "DISTINCT") or s.accept("NULLS", "DISTINCT"):
                self.note(file, stmt, it, "NULLS [NOT] DISTINCT on an index is not represented")
            elif s.accept("WITH") or s.accept("TABLESPACE"):
                if s.is_("("):
                    s.paren_range()
                else:
                    s.next()
                self.note(file, stmt, it, f"index storage option {it.up} of {name} is not represented")
            else:
                x = s.i
                s.i = len(s.items)
                self.note(file, stmt, it, f"index option {_one_line(s.raw(x, len(s.items)))[:60]!r} is not "
                          "represented")
        if method not in ("btree", "hash", "gin", "gist", "brin", "spgist"):
            return self.keep(file, stmt, f"index method {method} is not one the model knows")
        if name is None:
            label = "_".join(p.column or "expr" for p in parts)
            name = _pg_truncate(f"{t.name}_{label}_idx")
        t.indexes.append(Index(name, tuple(parts), unique=unique, method=method, where=where, include=include,
                               origin=Origin(file, stmt.line, 1)))
        return None

    # -- views, routines, policies -----------------------------------------------------------------
    def create_view(self, file, stmt) -> None:
        try:
            head = sqlfile.parse_view(stmt, file)
        except LoadError:
            return self.keep(file, stmt, "view statement not understood")
        fields = {}
        if head.security:
            if self.dialect == "postgres":
                fields["security_invoker"] = head.security == "INVOKER"
            else:
                fields["security"] = head.security
        ns = head.namespace if head.namespace and self.dialect == "postgres" else self.namespace
        self.views.append(View(name=head.name, definitions=((self.dialect, self.own_names(head.query, ns)),),
                               namespace=head.namespace if head.namespace and self.dialect == "postgres"
                               else self.namespace, materialized=head.materialized, columns=head.columns,
                               algorithm=head.algorithm, check_option=head.check_option,
                               origin=Origin(file, stmt.line, 1), **fields))
        if re.search(r"\bWITH\s+NO\s+DATA\s*$", stmt.text, re.I):
            self.note(file, stmt, None, f"WITH NO DATA of {head.name} is not kept")
        return None

    def create_function(self, file, stmt) -> None:
        try:
            h = sqlfile.parse_function(stmt, file)
        except LoadError:
            return self.keep(file, stmt, "function statement not understood")
        self.functions.append(Function(
            name=h.name, namespace=h.namespace or self.namespace, arguments=h.arguments, returns=h.returns,
            language=h.language, body=h.body, sql=stmt.text + ";", dialect=self.dialect, kind=h.kind,
            security_definer=h.security_definer, search_path=h.search_path, origin=Origin(file, stmt.line, 1)))
        return None

    def create_trigger(self, file, stmt) -> None:
        try:
            h = sqlfile.parse_trigger(stmt, file)
        except LoadError:
            return self.keep(file, stmt, "trigger statement not understood")
        if self.table(h.namespace, h.table) is None:
            return self.keep(file, stmt, f"trigger on {h.table}, which these files do not create")
        self.triggers.append(Trigger(name=h.name, table=h.table, namespace=h.namespace or self.namespace,
                                     sql=stmt.text + ";", dialect=self.dialect, timing=h.timing, events=h.events,
                                     function=h.function, origin=Origin(file, stmt.line, 1)))
        return None

    def create_policy(self, file, stmt, s: Stream) -> None:
        s.expect("POLICY")
        name = s.ident()
        s.expect("ON")
        ns, tname = s.qname()
        t = self.table(ns, tname)
        if t is None:
            return self.keep(file, stmt, f"policy on {tname}, which these files do not create")
        permissive, command, roles, using, check = True, "all", ["public"], None, None
        while not s.at_end():
            if s.accept("AS"):
                permissive = s.next().up != "RESTRICTIVE"
            elif s.accept("FOR"):
                command = s.next().text.lower()
            elif s.accept("TO"):
                roles = []
                while True:
                    it = s.next()
                    roles.append(it.text if it.kind == "qid" else it.text.lower())
                    if not s.accept(","):
                        break
            elif s.accept("USING"):
                using = self.expr(self.own_names(s.paren_text(), t.namespace))
            elif s.accept("WITH", "CHECK"):
                check = self.expr(self.own_names(s.paren_text(), t.namespace))
            else:
                raise Syntax("unexpected word in CREATE POLICY", s.peek())
        t.policies.append(Policy(name, command, tuple(roles), permissive, using, check,
                                 origin=Origin(file, stmt.line, 1)))
        return None

    # -- ALTER -----------------------------------------------------------------------------------
    def alter(self, file, stmt, s: Stream) -> None:
        s.expect("ALTER")
        if s.accept("SEQUENCE"):
            s.accept("IF", "EXISTS")
            ns, name = s.qname()
            if s.accept("OWNED", "BY") and not s.is_("NONE"):
                parts = [s.ident()]
                while s.accept("."):
                    parts.append(s.ident())
                if len(parts) >= 2 and f"{self.ns(ns)}.{name}" in self.sequences:
                    tns = parts[-3] if len(parts) >= 3 else None
                    self.sequences[f"{self.ns(ns)}.{name}"]["owned"] = (self.ns(tns), parts[-2], parts[-1])
                    return None
            return self.keep(file, stmt, "ALTER SEQUENCE is not represented")
        if not s.accept("TABLE"):
            if s.is_("FUNCTION") or s.is_("PROCEDURE") or s.is_("VIEW") or s.is_("MATERIALIZED") or \
                    s.is_("SCHEMA") or s.is_("TYPE") or s.is_("DATABASE") or s.is_("DEFAULT"):
                if any(it.up == "OWNER" for it in s.items):
                    self.skipped.append(Note(self.loc(file, stmt), "ownership is not managed; skipped", stmt.text))
                    return None
            return self.keep(file, stmt, "this ALTER statement is not represented")
        self.validate(file, stmt)
        s.accept("IF", "EXISTS")
        s.accept("ONLY")
        ns, tname = s.qname()
        t = self.table(ns, tname)
        if t is None and s.is_("OWNER", "TO"):  # pg_dump sets a view's owner with ALTER TABLE too
            self.skipped.append(Note(self.loc(file, stmt), f"ownership of {tname} is not managed; skipped", stmt.text))
            return None
        if t is None:
            return self.keep(file, stmt, f"ALTER TABLE {tname}, which these files do not create")
        for x, y in s.split_commas(s.i, len(s.items)):
            self.alter_action(file, stmt, s.sub(x, y), t)
        return None

    def alter_action(self, file, stmt, s: Stream, t: TableB) -> None:
        at = s.peek()
        if at is None:
            return None
        if s.accept("ADD"):
            if s.is_("CONSTRAINT") or s.is_("PRIMARY") or s.is_("UNIQUE") or s.is_("FOREIGN") or s.is_("CHECK") or \
                    s.is_("EXCLUDE") or s.is_("KEY") or s.is_("INDEX") or s.is_("FULLTEXT") or s.is_("SPATIAL"):
                if self.dialect == "postgres" and (s.is_("KEY") or s.is_("INDEX")):
                    raise Syntax("ADD INDEX is MySQL syntax", at)
                return self.table_constraint(file, stmt, s.sub(s.i, len(s.items)), t)
            s.accept("COLUMN")
            s.accept("IF", "NOT", "EXISTS")
            return self.column(file, stmt, s.sub(s.i, len(s.items)), t)
        if s.accept("ENABLE", "ROW", "LEVEL", "SECURITY"):
            t.rls_enabled = True
            return None
        if s.accept("FORCE", "ROW", "LEVEL", "SECURITY"):
            t.rls_forced = True
            return None
        if s.accept("ALTER"):
            s.accept("COLUMN")
            cname = s.ident()
            col = t.col(cname)
            if col is not None:
                if s.accept("SET", "DEFAULT"):
                    col.default = self.default(s.raw(s.i, len(s.items)), col)
                    return None
                if s.accept("DROP", "DEFAULT"):
                    col.default = None
                    return None
                if s.accept("SET", "NOT", "NULL"):
                    col.nullable = False
                    return None
                if s.accept("DROP", "NOT", "NULL"):
                    col.nullable = True
                    return None
                if s.accept("TYPE") or s.accept("SET", "DATA", "TYPE"):
                    a, b = self.type_span(s)
                    col.type = logical_type(s.raw(a, b), self.dialect)
                    if s.accept("COLLATE"):
                        col.collation = s.ident()
                    if s.accept("USING"):
                        s.i = len(s.items)
                    if s.at_end():
                        return None
                if s.accept("ADD", "GENERATED"):
                    col.identity = "always" if s.accept("ALWAYS") else "by default"
                    if col.identity == "by default":
                        s.expect("BY", "DEFAULT")
                    s.expect("AS", "IDENTITY")
                    col.nullable = False
                    if s.is_("("):
                        opts = s.paren_text()
                        if not _default_sequence_options(opts):
                            self.note(file, stmt, at, f"identity options of {t.name}.{cname} ({_one_line(opts)}) "
                                      "are not kept")
                    return None
        if self.alter_change(file, stmt, s, t, at):
            return None
        if s.is_("OWNER", "TO"):
            self.skipped.append(Note(self.loc(file, stmt, at), f"ownership of {t.name} is not managed; skipped",
                                     stmt.text))
            return None
        self.note(file, stmt, at, f"ALTER TABLE {t.name} {_one_line(s.raw(0, len(s.items)))[:100]} is not "
                  "represented")
        self.unmanaged.append(Note(self.loc(file, stmt, at), "ALTER TABLE action not represented",
                                   f"ALTER TABLE {t.name} {s.raw(0, len(s.items))}"))
        return None

    # -- changes a later script makes (a migrations folder read in order) -------------------------
    def drop(self, file, stmt, s: Stream) -> None:
        """DROP of an object these files created removes it; any other DROP is skipped (listed)."""
        s.expect("DROP")
        kind = " ".join(w for w in (s.next().up,) if w)
        if kind == "MATERIALIZED":
            s.expect("VIEW")
            kind = "VIEW"
        s.accept("CONCURRENTLY")
        s.accept("IF", "EXISTS")
        names: list[tuple[str | None, str]] = []
        on = None
        if kind in ("TABLE", "VIEW", "INDEX", "TRIGGER", "FUNCTION", "PROCEDURE"):
            while not s.at_end():
                names.append(s.qname())
                if kind in ("FUNCTION", "PROCEDURE") and s.is_("("):
                    s.paren_range()
                if kind in ("TRIGGER", "INDEX") and s.accept("ON"):
                    on = s.qname()
                if not s.accept(","):
                    break
        done = 0
        for ns, name in names:
            if kind == "TABLE" and (self.ns(ns), name) in self.tables:
                del self.tables[(self.ns(ns), name)]
                self.triggers = [tr for tr in self.triggers if tr.table != name]
                done += 1
            elif kind == "VIEW" and any(v.name == name for v in self.views):
                self.views = [v for v in self.views if v.name != name]
                done += 1
            elif kind == "INDEX":
                for t in self.tables.values():
                    if (on is None or on[1] == t.name) and any(ix.name == name for ix in t.indexes):
                        t.indexes = [ix for ix in t.indexes if ix.name != name]
                        done += 1
                    elif self.dialect == "mysql" and on is not None and on[1] == t.name:
                        t.uniques = [u for u in t.uniques if u.name != name]
                        done += 1
            elif kind in ("FUNCTION", "PROCEDURE") and any(f.name == name for f in self.functions):
                self.functions = [f for f in self.functions if f.name != name]
                done += 1
            elif kind == "TRIGGER" and any(tr.name == name for tr in self.triggers):
                self.triggers = [tr for tr in self.triggers if not (tr.name == name and (on is None or
                                                                                          tr.table == on[1]))]
                done += 1
        if not done:
            self.skipped.append(Note(self.loc(file, stmt), "DROP of an object these files do not create; skipped",
                                     stmt.text))

    def alter_change(self, file, stmt, s: Stream, t: TableB, at: Item) -> bool:
        """ALTER TABLE actions that change what earlier statements created; True when handled."""
        if s.accept("DROP"):
            if s.accept("CONSTRAINT") or s.accept("CHECK") or (self.dialect == "mysql" and s.accept("FOREIGN", "KEY")):
                s.accept("IF", "EXISTS")
                name = s.ident()
                t.checks = [c for c in t.checks if c.name != name]
                t.fks = [f for f in t.fks if f.name != name]
                t.uniques = [u for u in t.uniques if u.name != name]
                if t.pk is not None and t.pk.name == name:
                    t.pk = None
                return True
            if s.accept("PRIMARY", "KEY"):
                t.pk = None
                return True
            if s.accept("INDEX") or s.accept("KEY"):
                name = s.ident()
                t.indexes = [ix for ix in t.indexes if ix.name != name]
                t.uniques = [u for u in t.uniques if u.name != name]
                return True
            s.accept("COLUMN")
            s.accept("IF", "EXISTS")
            name = s.ident()
            col = t.col(name)
            if col is None:
                return False
            t.columns.remove(col)
            t.indexes = [ix for ix in t.indexes if col.name not in ix.columns and col.name not in ix.include]
            t.uniques = [u for u in t.uniques if col.name not in u.columns]
            t.fks = [f for f in t.fks if col.name not in f.columns]
            return True
        if s.accept("RENAME"):
            if s.accept("TO") or (self.dialect == "mysql" and s.accept("AS")):
                new = s.ident()
                old = (t.namespace, t.name)
                if t.pk is not None and t.pk.name is None and self.dialect == "postgres":
                    t.pk = PrimaryKey(t.pk.columns, _pg_truncate(f"{t.name}_pkey"), t.pk.origin)  # names stay
                del self.tables[old]
                t.name = new
                self.tables[(t.namespace, new)] = t
                for other in self.tables.values():
                    other.fks = [ForeignKey(**{**f.__dict__, "ref_table": new}) if f.ref_table == old[1] and
                                 (f.ref_namespace or other.namespace) == old[0] else f for f in other.fks]
                self.triggers = [Trigger(**{**tr.__dict__, "table": new}) if tr.table == old[1] else tr
                                 for tr in self.triggers]
                return True
            if s.accept("CONSTRAINT") or s.accept("INDEX") or s.accept("KEY"):
                a = s.ident()
                s.expect("TO")
                b = s.ident()
                t.checks = [Check(**{**c.__dict__, "name": b}) if c.name == a else c for c in t.checks]
                t.fks = [ForeignKey(**{**f.__dict__, "name": b}) if f.name == a else f for f in t.fks]
                t.uniques = [UniqueKey(**{**u.__dict__, "name": b}) if u.name == a else u for u in t.uniques]
                t.indexes = [Index(**{**ix.__dict__, "name": b}) if ix.name == a else ix for ix in t.indexes]
                return True
            s.accept("COLUMN")
            a = s.ident()
            s.expect("TO")
            b = s.ident()
            self.rename_column(t, a, b)
            return True
        if self.dialect == "mysql" and (s.is_("MODIFY") or s.is_("CHANGE")):
            change = s.next().up == "CHANGE"
            s.accept("COLUMN")
            old = s.ident() if change else None
            probe = TableB(t.name, t.namespace, t.origin)
            self.column(file, stmt, s.sub(s.i, len(s.items)), probe)
            newcol = probe.columns[0]
            target = t.col(old or newcol.name)
            if target is None:
                return False
            if target.name != newcol.name:
                self.rename_column(t, target.name, newcol.name)
            t.columns[t.columns.index(target)] = newcol
            return True
        return False

    def rename_column(self, t: TableB, a: str, b: str) -> None:
        """Rename a column everywhere these files mention it (keys, indexes, FKs both ways, expressions)."""
        col = t.col(a)
        if col is None:
            return
        col.name = b

        def cols(xs):
            return tuple(b if x == a else x for x in xs)

        def text(sql: Sql | None) -> Sql | None:
            if sql is None:
                return None
            return Sql(_rename_ident(sql.text, a, b, self.dialect),
                       tuple((d, _rename_ident(x, a, b, "mysql")) for d, x in sql.overrides))

        if t.pk is not None:
            t.pk = PrimaryKey(cols(t.pk.columns), t.pk.name, t.pk.origin)
        t.uniques = [UniqueKey(**{**u.__dict__, "columns": cols(u.columns)}) for u in t.uniques]
        t.indexes = [Index(**{**ix.__dict__, "include": cols(ix.include), "where": text(ix.where), "parts": tuple(
            IndexPart(column=b if p.column == a else p.column, expression=text(p.expression),
                      descending=p.descending, opclass=p.opclass) for p in ix.parts)}) for ix in t.indexes]
        t.fks = [ForeignKey(**{**f.__dict__, "columns": cols(f.columns)}) for f in t.fks]
        t.checks = [Check(**{**c.__dict__, "expression": text(c.expression)}) for c in t.checks]
        t.policies = [Policy(**{**p.__dict__, "using": text(p.using), "with_check": text(p.with_check)})
                      for p in t.policies]
        for c in t.columns:
            c.generated = text(c.generated)
        for other in self.tables.values():
            other.fks = [ForeignKey(**{**f.__dict__, "ref_columns": cols(f.ref_columns)})
                         if f.ref_table == t.name and (f.ref_namespace or other.namespace) == t.namespace else f
                         for f in other.fks]

    # -- COMMENT ON ------------------------------------------------------------------------------
    def comment(self, file, stmt, s: Stream) -> None:
        s.expect("COMMENT", "ON")
        kind = s.next().up
        if kind == "MATERIALIZED":
            s.expect("VIEW")
            kind = "VIEW"
        target: list[str] = []
        on = None
        if kind == "COLUMN":
            target = [s.ident()]
            while s.accept("."):
                target.append(s.ident())
        elif kind in ("TABLE", "INDEX", "VIEW"):
            ns, name = s.qname()
            target = [ns, name]
        elif kind in ("CONSTRAINT", "POLICY", "TRIGGER"):
            target = [s.ident()]
            s.expect("ON")
            on = s.qname()
        else:
            return self.keep(file, stmt, f"COMMENT ON {kind} is not represented")
        s.expect("IS")
        lit = s.next()
        if lit.up == "NULL":
            value = None
        elif lit.kind == "str":
            value = lit.text
        else:
            return self.keep(file, stmt, "comment text is not a plain string literal")
        if kind == "TABLE":
            t = self.table(target[0], target[1])
            if t is not None:
                t.comment = value
                return None
        elif kind == "COLUMN" and len(target) >= 2:
            t = self.table(target[-3] if len(target) >= 3 else None, target[-2])
            col = t.col(target[-1]) if t is not None else None
            if col is not None:
                col.comment = value
                return None
        elif kind == "INDEX":
            for t in self.tables.values():
                for i, ix in enumerate(t.indexes):
                    if ix.name == target[1]:
                        t.indexes[i] = Index(**{**ix.__dict__, "comment": value})
                        return None
        elif kind == "VIEW":
            for i, v in enumerate(self.views):
                if v.name == target[1]:
                    self.views[i] = View(**{**v.__dict__, "extra_sql": v.extra_sql + ((self.dialect, stmt.text),)})
                    return None
        elif kind in ("CONSTRAINT", "POLICY"):
            t = self.table(*on) if on else None
            if t is not None:
                lst = t.checks if kind == "CONSTRAINT" else t.policies
                for i, obj in enumerate(lst):
                    if obj.name == target[0]:
                        lst[i] = type(obj)(**{**obj.__dict__, "comment": value})
                        return None
                if kind == "CONSTRAINT":
                    for i, fk in enumerate(t.fks):
                        if fk.name == target[0]:
                            t.fks[i] = ForeignKey(**{**fk.__dict__, "comment": value})
                            return None
        elif kind == "TRIGGER":
            for i, tr in enumerate(self.triggers):
                if tr.name == target[0]:
                    self.triggers[i] = Trigger(**{**tr.__dict__, "sql": tr.sql + "\n\n" + stmt.text + ";"})
                    return None
        return self.keep(file, stmt, f"COMMENT ON {kind} for an object these files do not create (or the model "
                         "keeps no comment for)")

    # -- finish ----------------------------------------------------------------------------------
    def finish(self) -> ImportResult:
        for t in self.tables.values():
            for c in t.columns:
                self.serial(t, c)
        for key, seq in self.sequences.items():
            if not seq["used"]:
                self.unmanaged.append(Note(f"{seq['file']}:{seq['stmt'].line}", f"sequence {key} is not owned by a "
                                           "column the schema can make serial", seq["stmt"].text))
        for key, (file, stmt) in self.enum_statements.items():
            self.keep(file, stmt, f"enum type {key} is used by no column")
        tables = []
        for t in self.tables.values():
            tables.append(self.build_table(t))
        known = {(t.namespace, t.name): t for t in tables}
        final = []
        for t in tables:
            fks = []
            for fk in t.foreign_keys:
                if (fk.ref_namespace or t.namespace, fk.ref_table) not in known:
                    loc = f"{fk.origin.file}:{fk.origin.line}"
                    self.notes.append(Note(loc, f"foreign key {fk.name} of {t.name} references {fk.ref_table}, "
                                           "which these files do not create; kept in the unmanaged file"))
                    self.unmanaged.append(Note(loc, "foreign key to a table outside the module", _fk_sql(t, fk)))
                    continue
                fks.append(fk)
            final.append(Table(**{**t.__dict__, "foreign_keys": tuple(fks)}))
        module = Module(
            name=self.module_name,
            tables=tuple(sorted(final, key=lambda t: (t.namespace, t.name))),
            views=tuple(sorted(self.views, key=lambda v: v.name)),
            functions=tuple(sorted(self.functions, key=lambda f: (f.dialect, f.namespace, f.name, f.arguments))),
            triggers=tuple(sorted(self.triggers, key=lambda t: (t.dialect, t.table, t.name))),
            namespace=self.namespace, database=self.module_name, dialects=(self.dialect,),
            extensions=tuple(self.extensions), schemas=tuple(s for s in self.schemas if s != self.namespace),
            roles=tuple(self.roles),
        )
        return ImportResult(module, self.notes, self.unmanaged, self.skipped)

    def serial(self, t: TableB, c: ColB) -> None:
        d = c.default
        if d is None or d.kind != "expression" or d.expression is None:
            return
        m = _NEXTVAL.match(d.expression.text.strip())
        if not m:
            return
        seqname = m.group(1)
        ns, _, name = seqname.rpartition(".")
        key = f"{self.ns(ns.strip(chr(34)) or None)}.{name.strip(chr(34))}"
        seq = self.sequences.get(key)
        base = c.type.logical
        if seq is None or base not in ("integer", "bigint") or c.identity:
            return
        if seq["owned"] not in (None, (t.namespace, t.name, c.name)):
            return
        expected = f"{t.name}_{c.name}_seq"
        if name.strip('"') != expected:
            return
        if not _default_sequence_options(seq["options"]):
            self.notes.append(Note(f"{seq['file']}:{seq['stmt'].line}", f"options of sequence {key} "
                                   f"({_one_line(seq['options'])}) are not kept; {t.name}.{c.name} becomes serial"))
        c.type = TypeInfo("serial" if base == "integer" else "bigserial")
        c.default = None
        seq["used"] = True

    def mariadb_json(self, t: TableB) -> None:
        """MariaDB's JSON, as mariadb-dump prints it: LONGTEXT (utf8mb4_bin) with a CHECK (json_valid(col))
        named after the column. It is a json column, as inspect reads it too."""
        for ck in list(t.checks):
            col = t.col(ck.name)
            m = _JSON_VALID.match(ck.expression.override("mysql") or ck.expression.text)
            if col is None or m is None or m.group(1) != col.name or col.type.override != "longtext":
                continue
            col.type = TypeInfo("json")
            t.checks.remove(ck)
            dropped = f"collation utf8mb4_bin of {t.name}.{col.name} is not kept"
            self.notes = [n for n in self.notes if not n.message.startswith(dropped)]

    def build_table(self, t: TableB) -> Table:
        if self.dialect == "mysql":  # a MySQL unique index is a unique key: the catalog cannot tell them apart
            self.mariadb_json(t)
            for ix in [ix for ix in t.indexes if ix.unique and all(p.column and not p.descending for p in ix.parts)]:
                t.indexes.remove(ix)
                t.uniques.append(UniqueKey(ix.name, ix.columns, False, ix.origin))
        cols = []
        pk_cols = set(t.pk.columns) if t.pk else set()
        for c in t.columns:
            cols.append(Column(
                name=c.name, type=c.type.logical, nullable=c.nullable and c.name not in pk_cols, default=c.default,
                comment=c.comment, enum=c.type.enum,
                type_overrides=((self.dialect, c.type.override),) if c.type.override else (),
                identity=c.identity, generated=c.generated, collation=c.collation, origin=c.origin,
                on_update=c.on_update, enum_type=c.type.enum_type[1] if c.type.enum_type else None,
                enum_type_namespace=c.type.enum_type[0] if c.type.enum_type and c.type.enum_type[0] != t.namespace
                else None))
        return Table(name=t.name, columns=tuple(cols), namespace=t.namespace, comment=t.comment, primary_key=t.pk,
                     uniques=tuple(t.uniques), indexes=tuple(t.indexes), foreign_keys=tuple(t.fks),
                     checks=tuple(t.checks), rls=Rls(t.rls_enabled, t.rls_forced, tuple(t.policies)),
                     mysql_engine=t.engine, origin=t.origin)


def _rename_ident(text: str, a: str, b: str, dialect: str) -> str:
    """``text`` with every identifier token naming ``a`` renamed to ``b`` (quoted when it must be)."""

    try:
        items = lex(text, dialect)
    except Exception:
        return text
    quote = quote_mysql if dialect == "mysql" else quote_pg
    out, last = [], 0
    for it in items:
        same = (it.kind == "qid" and it.text == a) or (it.kind == "word" and (
            it.text.lower() == a if dialect == "postgres" else it.text == a))
        if same:
            out.append(text[last:it.start])
            out.append(quote(b))
            last = it.end + 1
    out.append(text[last:])
    return "".join(out)


def _default_sequence_options(opts: str) -> bool:
    """Whether sequence options say no more than a serial or identity column's own sequence does."""
    rest = re.sub(r"\b(AS\s+(smallint|integer|bigint)|START\s+(WITH\s+)?1|INCREMENT\s+(BY\s+)?1|NO\s+MINVALUE|"
                  r"NO\s+MAXVALUE|CACHE\s+1|MINVALUE\s+1|NO\s+CYCLE|MAXVALUE\s+(32767|2147483647|9223372036854775807)|"
                  r"SEQUENCE\s+NAME\s+\S+)\b", "", opts, flags=re.I)
    return not rest.strip()


def mysql_expr(text: str) -> Sql:
    """A MySQL expression as the model keeps it: PostgreSQL text (sqlglot's translation), plus the MySQL
    original as an override whenever translating back would not give the same statement."""
    text = text.strip()

    try:
        pg = sqlglot.transpile(text, read="mysql", write="postgres")[0]
        back = sqlglot.transpile(pg, read="postgres", write="mysql")[0]
    except Exception:
        return Sql(text, (("mysql", text),))
    if exprmod.parse_problem(pg) is not None:
        return Sql(text, (("mysql", text),))
    same = " ".join(back.lower().split()) == " ".join(text.lower().split())  # the generated DDL says what was read
    return Sql(pg) if same else Sql(pg, (("mysql", text),))


def _fk_sql(t: Table, fk: ForeignKey) -> str:
    ref = f"{fk.ref_namespace}.{fk.ref_table}" if fk.ref_namespace else fk.ref_table
    return (f"ALTER TABLE {quote_pg(t.name)} ADD CONSTRAINT {quote_pg(fk.name)} FOREIGN KEY "
            f"({', '.join(map(quote_pg, fk.columns))}) REFERENCES {ref} ({', '.join(map(quote_pg, fk.ref_columns))})")


def import_sql(sources: list[tuple[str, str]], dialect: str, module: str, namespace: str | None = None) -> ImportResult:
    """Import (display name, text) scripts, in order; raise ``LoadError`` at the first bad statement."""
    imp = Importer(dialect, module, namespace)
    for display, text in sources:
        if dialect == "mysql":
            text = sqlfile.unwrap_executable_comments(text)
        else:
            text = imp.meta_commands(display, text)
        for stmt in sqlfile.split_statements(text, dialect):
            imp.statement(display, stmt)
    return imp.finish()
