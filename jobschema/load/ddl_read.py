"""Read DDL scripts (``CREATE TABLE`` ... as people and ``pg_dump``/``mariadb-dump`` write them) into a
``Module``: the second front end of the loader (``build.py`` reads the schema's YAML, this reads SQL).

Statements are split by the dialect's splitter and lexed by sqlglot's tokenizer for the dialect
(``dialects/ddl_tokens.py``); the reader walks the tokens and keeps every expression (CHECK, DEFAULT, index
predicate, policy) as the exact text its author wrote. sqlglot's parser validates the statements it
understands, so bad SQL is one located error. Where dialects differ the reader asks the dialect's
``DdlRules`` (``dialects/<d>/ddl.py``), never its name.

Nothing is dropped silently: a statement the model cannot hold is kept verbatim (``ImportResult.unmanaged``),
and a clause the model cannot hold inside an otherwise imported statement is listed (``ImportResult.notes``),
both with ``file:line``."""

from __future__ import annotations

import logging
import re
from dataclasses import replace

import sqlglot
from sqlglot.errors import ParseError, TokenError

from ..dialects.base import get
from ..dialects.ddl_rules import NOW_RE
from ..dialects.ddl_tokens import Item, Stream, Syntax, lex
from ..errors import LoadError
from ..model.objects import (
    Check,
    Column,
    Default,
    ForeignKey,
    Function,
    Module,
    Origin,
    PrimaryKey,
    Sql,
    Table,
    Trigger,
    UniqueKey,
    View,
)
from ..model.types import NativeType
from . import sqlfile
from .ddl_builders import (
    COLUMN_STOPS,
    CREATE_KINDS,
    EMPTY_SEARCH_PATH,
    NEXTVAL,
    ROLES_BLOCK,
    SESSION_WORDS,
    SQL_VERBS,
    Draft,
    TypeInfo,
    default_sequence_options,
    typed,
)
from .ddl_keys import KeyReader
from .ddl_objects import ObjectReader
from .ddl_replay import Replay
from .ddl_result import ImportResult, Note, one_line


class Importer(KeyReader, ObjectReader, Replay):
    def __init__(self, dialect: str, module: str, namespace: str | None):
        self.rules = get(dialect).ddl  # the dialect's answers (dialects/<d>/ddl.py)
        self.module_name = module
        self.namespace = namespace or "public"
        self.tables: dict[tuple[str, str], Table] = {}
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
        return ns if ns is not None and self.rules.schemas else self.namespace

    def table(self, ns: str | None, name: str) -> Table | None:
        return self.tables.get((self.ns(ns), name))

    def store(self, t: Table) -> None:
        """Keep ``t`` as the table a later statement sees (a replaced value, under its own name)."""
        self.tables[(t.namespace, t.name)] = t

    def prepare(self, file: str, text: str) -> str:
        """The script as the splitter should see it (the dialect takes out what is for its client only)."""
        def skipped(offset: int, message: str, statement: str) -> None:
            self.skipped.append(Note(f"{file}:{text.count(chr(10), 0, offset) + 1}", message, statement))

        return self.rules.prepare(text, skipped)

    def own_names(self, text: str, namespace: str) -> str:
        """``text`` without the ``<namespace>.`` qualifiers a dump tool wrote because it emptied search_path:
        they are the tool's, not the author's, and the module's namespace is implicit in its files."""
        if not self.qualified:
            return text
        items = lex(text, self.rules.name)
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
        return self.rules.expr(text)

    # -- statements ------------------------------------------------------------------------------
    def statement(self, file: str, stmt: sqlfile.Statement) -> None:
        try:
            items = lex(stmt.text, self.rules.name)
        except (TokenError, Exception) as exc:
            raise LoadError(f"cannot read SQL: {one_line(str(exc))[:200]}", file, stmt.line, 1) from None
        s = Stream(stmt.text, items, self.rules)
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
                if EMPTY_SEARCH_PATH.search(stmt.text):
                    self.qualified = True
                self.skipped.append(Note(self.loc(file, stmt), f"{word} statement has no schema meaning; skipped",
                                         stmt.text))
            elif word == "DROP":
                self.drop(file, stmt, s)
            elif word == "DO" and (m := ROLES_BLOCK.match(stmt.text)):
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
            sqlglot.parse_one(stmt.text, read=self.rules.name)
        except ParseError as exc:
            errs = exc.errors or [{}]
            line = stmt.line + (errs[0].get("line") or 1) - 1
            desc = errs[0].get("description") or str(exc).splitlines()[0]
            raise LoadError(f"invalid SQL: {desc}", file, line, errs[0].get("col")) from None
        except TokenError as exc:
            raise LoadError(f"invalid SQL: {one_line(str(exc))[:200]}", file, stmt.line, 1) from None
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
        t = Draft(Table(name, (), key[0], origin=Origin(file, stmt.line, 1)))
        a, b = s.paren_range()
        for x, y in s.split_commas(a, b):
            if x == y:
                raise Syntax("empty element in the column list", s.items[x])
            self.element(file, stmt, s.sub(x, y), t)
        self.table_options(file, stmt, s, t)
        self.tables[key] = t.table

    def table_options(self, file, stmt, s: Stream, t: Draft) -> None:
        while not s.at_end():
            it = s.peek()
            if s.accept("ENGINE"):
                s.accept("=")
                t.set(mysql_engine=s.next().text)
            elif s.accept("COMMENT"):
                s.accept("=")
                c = s.next()
                if c.kind != "str":
                    raise Syntax("expected a string after COMMENT", c)
                t.set(comment=c.text)
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
                self.note(file, stmt, it, f"table option {one_line(s.raw(a, len(s.items)))[:80]!r} of {t.name} "
                          "is not represented")
                return

    def element(self, file, stmt, s: Stream, t: Draft) -> None:
        if s.at_end():
            raise Syntax("empty element in the column list", s.items[0] if s.items else None)
        if s.is_("CONSTRAINT") or s.is_("PRIMARY") or s.is_("UNIQUE") or s.is_("FOREIGN") or s.is_("CHECK") or \
                s.is_("EXCLUDE") or s.is_("LIKE") or s.is_("FULLTEXT") or s.is_("SPATIAL") or (
                self.rules.keys_in_table and (s.is_("KEY") or s.is_("INDEX"))):
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

    def column(self, file, stmt, s: Stream, t: Draft) -> None:
        first = s.peek()
        name = s.ident()
        a, b = self.type_span(s)
        raw_type = s.raw(a, b)
        if not raw_type:
            raise Syntax(f"column {name} has no type", first)
        lowered = " ".join(raw_type.lower().split())
        info = self.enum_column_type(s, a, b) if self.rules.enum_types else None
        if self.rules.enum_types and info is None:
            key = lowered.strip('"')
            for qual in (f"{self.namespace}.{key}", f"public.{key}", key if "." in key else None):
                if qual and qual in self.enum_types:
                    info = TypeInfo("text", None, self.enum_types[qual])
        if info is None:
            info = self.rules.logical_type(raw_type)
        col: dict = {"origin": Origin(file, stmt.line + first.line - 1, first.col)}  # the Column's fields
        cname = None
        while not s.at_end():
            it = s.peek()
            if s.accept("CONSTRAINT"):
                cname = s.ident()
                continue
            if s.accept("NOT", "NULL"):
                col["nullable"] = False
            elif s.accept("NULL"):
                col["nullable"] = True
            elif s.accept("DEFAULT"):
                x, y = s.until((COLUMN_STOPS - {"NULL", "CHARACTER", "AS", "KEY"}) | {"NOT"})
                col["default"] = self.default(s.raw(x, y), info)
            elif s.accept("PRIMARY", "KEY"):
                t.set(primary_key=PrimaryKey((name,), cname, Origin(file, stmt.line + it.line - 1, it.col)))
                col["nullable"] = False
            elif s.accept("UNIQUE"):
                s.accept("KEY")
                nnd = s.accept("NULLS", "NOT", "DISTINCT")
                s.accept("NULLS", "DISTINCT")
                uname = cname or self.rules.inline_unique_name(t.name, name)
                t.add("uniques", UniqueKey(uname, (name,), nnd, Origin(file, stmt.line + it.line - 1, it.col)))
            elif s.is_("REFERENCES"):
                self.references(file, stmt, s, t, (name,), cname, it)
            elif s.accept("CHECK"):
                text = s.paren_text()
                if s.accept("NO", "INHERIT"):
                    self.note(file, stmt, s.items[s.i - 2], f"NO INHERIT of a check on {t.name}.{name} is not kept")
                ck = cname or self.rules.inline_check_name(t.name, name)
                t.add("checks", Check(self.unique_name(t, ck), self.expr(text),
                                      origin=Origin(file, stmt.line + it.line - 1, it.col)))
            elif s.accept("GENERATED"):
                if s.accept("ALWAYS", "AS", "IDENTITY") or s.accept("BY", "DEFAULT", "AS", "IDENTITY"):
                    col["identity"] = "always" if s.items[s.i - 3].up == "ALWAYS" else "by default"
                    col["nullable"] = False  # identity columns are NOT NULL
                    if s.is_("("):
                        opts = s.paren_text()
                        if not default_sequence_options(opts):
                            self.note(file, stmt, it, f"identity options of {t.name}.{name} ({one_line(opts)}) "
                                      "are not kept")
                else:
                    s.expect("ALWAYS", "AS")
                    col["generated"] = self.expr(s.paren_text())
                    if s.accept("VIRTUAL"):
                        self.note(file, stmt, it, f"{t.name}.{name} is VIRTUAL; the model's generated columns are "
                                  "STORED")
                    s.accept("STORED")
            elif s.accept("AS"):
                col["generated"] = self.expr(s.paren_text())
                if s.accept("VIRTUAL"):
                    self.note(file, stmt, it, f"{t.name}.{name} is VIRTUAL; the model's generated columns are STORED")
                s.accept("STORED")
            elif s.accept("COLLATE"):
                kept, coll = self.rules.collation(s)
                if kept is not None:
                    col["collation"] = kept
                else:
                    self.note(file, stmt, it, f"collation {coll} of {t.name}.{name} is not kept (MySQL columns use "
                              "the table collation)")
            elif s.accept("COMMENT"):
                c = s.next()
                if c.kind != "str":
                    raise Syntax("expected a string after COMMENT", c)
                col["comment"] = c.text
            elif s.accept("AUTO_INCREMENT"):
                col["identity"] = "by default"
            elif s.accept("KEY"):
                t.set(primary_key=PrimaryKey((name,), None, Origin(file, stmt.line + it.line - 1, it.col)))
            elif self.rules.on_update and s.accept("ON", "UPDATE"):
                x, y = s.until(COLUMN_STOPS - {"NULL", "CHARACTER"})
                raw = s.raw(x, y).strip()
                col["on_update"] = Sql("now()") if NOW_RE.match(raw) else self.rules.expr(raw)
            elif s.accept("CHARACTER", "SET") or s.accept("CHARSET"):
                cs = s.next().text
                if cs.lower() != "utf8mb4":  # what every generated table uses
                    self.note(file, stmt, it, f"character set {cs} of {t.name}.{name} is not kept")
            elif s.accept("VISIBLE") or s.accept("INVISIBLE") or s.accept("STORED"):
                self.note(file, stmt, it, f"{it.up} on {t.name}.{name} is not represented")
            else:
                raise Syntax(f"unexpected {it.text!r} in the definition of column {name}", it)
            cname = None
        t.add("columns", typed(name, info, self.rules.name, t.namespace, **col))

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

    def unique_name(self, t: Draft, name: str) -> str:
        used = t.names()
        if name not in used:
            return name
        n = 1
        while f"{name}{n}" in used:
            n += 1
        return f"{name}{n}"

    def default(self, raw: str, native: NativeType) -> Default | None:
        raw = raw.strip()
        items = lex(raw, self.rules.name)
        if len(items) == 1 and items[0].up == "NULL":
            return None
        return self.rules.default(raw, native, items)

    def finish(self) -> ImportResult:
        for key, t in list(self.tables.items()):
            self.tables[key] = self.serial(t)
        for key, seq in self.sequences.items():
            if not seq["used"]:
                self.unmanaged.append(Note(f"{seq['file']}:{seq['stmt'].line}", f"sequence {key} is not owned by a "
                                           "column the schema can make serial", seq["stmt"].text))
        for key, (file, stmt) in self.enum_statements.items():
            self.keep(file, stmt, f"enum type {key} is used by no column")
        tables = [self.build_table(t) for t in self.tables.values()]
        known = {(t.namespace, t.name) for t in tables}
        final = []
        for t in tables:
            fks = []
            for fk in t.foreign_keys:
                if (fk.ref_namespace or t.namespace, fk.ref_table) not in known:
                    loc = f"{fk.origin.file}:{fk.origin.line}"
                    self.notes.append(Note(loc, f"foreign key {fk.name} of {t.name} references {fk.ref_table}, "
                                           "which these files do not create; kept in the unmanaged file"))
                    self.unmanaged.append(Note(loc, "foreign key to a table outside the module",
                                               _fk_sql(t, fk, self.rules.quote)))
                    continue
                fks.append(fk)
            final.append(replace(t, foreign_keys=tuple(fks)))
        module = Module(
            name=self.module_name,
            tables=tuple(sorted(final, key=lambda t: (t.namespace, t.name))),
            views=tuple(sorted(self.views, key=lambda v: v.name)),
            functions=tuple(sorted(self.functions, key=lambda f: (f.dialect, f.namespace, f.name, f.arguments))),
            triggers=tuple(sorted(self.triggers, key=lambda t: (t.dialect, t.table, t.name))),
            namespace=self.namespace, database=self.module_name, dialects=(self.rules.name,),
            extensions=tuple(self.extensions), schemas=tuple(s for s in self.schemas if s != self.namespace),
            roles=tuple(self.roles),
        )
        return ImportResult(module, self.notes, self.unmanaged, self.skipped)

    def serial(self, t: Table) -> Table:
        """``t`` with each integer column whose default is nextval() of its own sequence made serial."""
        return replace(t, columns=tuple(self.serial_column(t, c) for c in t.columns))

    def serial_column(self, t: Table, c: Column) -> Column:
        d = c.default
        if d is None or d.kind != "expression" or d.expression is None:
            return c
        m = NEXTVAL.match(d.expression.text.strip())
        if not m:
            return c
        seqname = m.group(1)
        ns, _, name = seqname.rpartition(".")
        key = f"{self.ns(ns.strip(chr(34)) or None)}.{name.strip(chr(34))}"
        seq = self.sequences.get(key)
        base = c.type
        if seq is None or base not in ("integer", "bigint") or c.identity:
            return c
        if seq["owned"] not in (None, (t.namespace, t.name, c.name)):
            return c
        expected = f"{t.name}_{c.name}_seq"
        if name.strip('"') != expected:
            return c
        if not default_sequence_options(seq["options"]):
            self.notes.append(Note(f"{seq['file']}:{seq['stmt'].line}", f"options of sequence {key} "
                                   f"({one_line(seq['options'])}) are not kept; {t.name}.{c.name} becomes serial"))
        seq["used"] = True
        return replace(c, type="serial" if base == "integer" else "bigserial", type_overrides=(), default=None)

    def build_table(self, table: Table) -> Table:
        """The table as the module keeps it: the dialect's last look, primary key columns NOT NULL."""
        def drop_note(prefix: str) -> None:
            self.notes = [n for n in self.notes if not n.message.startswith(prefix)]

        t = Draft(table)
        self.rules.finish_table(t, drop_note)
        pk_cols = set(t.table.primary_key.columns) if t.table.primary_key else set()
        t.change("columns", lambda c: replace(c, nullable=False) if c.name in pk_cols and c.nullable else c)
        return t.table


def _fk_sql(t: Table, fk: ForeignKey, quote) -> str:
    ref = f"{fk.ref_namespace}.{fk.ref_table}" if fk.ref_namespace else fk.ref_table
    return (f"ALTER TABLE {quote(t.name)} ADD CONSTRAINT {quote(fk.name)} FOREIGN KEY "
            f"({', '.join(map(quote, fk.columns))}) REFERENCES {ref} ({', '.join(map(quote, fk.ref_columns))})")


def import_sql(sources: list[tuple[str, str]], dialect: str, module: str, namespace: str | None = None) -> ImportResult:
    """Import (display name, text) scripts, in order; raise ``LoadError`` at the first bad statement."""
    imp = Importer(dialect, module, namespace)
    for display, text in sources:
        text = imp.prepare(display, text)
        for stmt in sqlfile.split_statements(text, dialect):
            imp.statement(display, stmt)
    return imp.finish()
