"""Read DDL scripts (``CREATE TABLE`` ... as people and ``pg_dump``/``mariadb-dump`` write them) into a
``Module``: the second front end of the loader (``build.py`` reads the schema's YAML, this reads SQL).

Statements are split by the dialect's splitter and parsed once by sqlglot for the dialect
(``dialects/ddl_ast.py``); the reader walks the tree for what each statement is and holds (table elements,
column constraints, ALTER actions, DROP and COMMENT targets) and walks the statement's tokens in step
(``dialects/ddl_tokens.py``) to keep every expression (CHECK, DEFAULT, index predicate, policy) as the exact
text its author wrote. What sqlglot leaves as a Command is read from the tokens alone (``ddl_commands.py``);
what it refuses is one located error. Where dialects differ the reader asks the dialect's ``DdlRules``
(``dialects/<d>/ddl.py``), never its name; ALTER, DROP and COMMENT replay on the frozen model with
``dataclasses.replace``.

Nothing is dropped silently: a statement the model cannot hold is kept verbatim (``ImportResult.unmanaged``),
and a clause the model cannot hold inside an otherwise imported statement is listed (``ImportResult.notes``),
both with ``file:line``."""

from __future__ import annotations

import re
from dataclasses import replace

from sqlglot import exp

from ..dialects import ddl_ast
from ..dialects.base import get
from ..dialects.ddl_tokens import Item, Stream, Syntax, lex
from ..errors import LoadError
from ..model.objects import (
    Column,
    ForeignKey,
    Function,
    Module,
    Sql,
    Table,
    Trigger,
    View,
)
from . import sqlfile
from .ddl_builders import (
    CREATE_KINDS,
    EMPTY_SEARCH_PATH,
    NEXTVAL,
    ROLES_BLOCK,
    SESSION_WORDS,
    SQL_VERBS,
    Draft,
    default_sequence_options,
)
from .ddl_commands import CommandReader
from .ddl_keys import KeyReader
from .ddl_objects import ObjectReader
from .ddl_replay import Replay
from .ddl_result import ImportResult, Note, one_line
from .ddl_tables import TableReader


class Importer(TableReader, KeyReader, ObjectReader, Replay, CommandReader):
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
        self.refusal: ddl_ast.Refusal | None = None  # why sqlglot refused the statement being read
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
    def lex(self, text: str) -> list[Item]:
        return lex(text, self.rules.name)

    def statement(self, file: str, stmt: sqlfile.Statement) -> None:
        try:
            items = self.lex(stmt.text)
        except Exception as exc:  # noqa: BLE001 - sqlglot's tokenizer raises more than TokenError
            raise LoadError(f"cannot read SQL: {one_line(str(exc))[:200]}", file, stmt.line, 1) from None
        if not items:
            return None
        s = Stream(stmt.text, items, self.rules)
        tree, self.refusal = ddl_ast.parse(stmt.text, items, self.rules)
        first = s.peek()
        word = first.up
        try:
            if word == "CREATE":
                self.create(file, stmt, s, tree)
            elif word == "ALTER":
                self.alter(file, stmt, s, tree)
            elif word == "COMMENT":
                self.comment(file, stmt, s, tree)
            elif word in SESSION_WORDS:
                if EMPTY_SEARCH_PATH.search(stmt.text):
                    self.qualified = True
                self.skipped.append(Note(self.loc(file, stmt), f"{word} statement has no schema meaning; skipped",
                                         stmt.text))
            elif word == "DROP":
                self.drop(file, stmt, s, tree)
            elif word == "DO" and (m := ROLES_BLOCK.match(stmt.text)):
                self.roles.extend(r for r in re.findall(r"'((?:[^']|'')*)'", m.group(1)) if r not in self.roles)
            elif word in SQL_VERBS:
                self.keep(file, stmt, f"{word} statement is not schema jobschema manages")
            else:
                self.refused(file, stmt)
                raise LoadError(f"not an SQL statement jobschema knows (starts with {first.text!r})",
                                file, stmt.line, 1)
        except Syntax as exc:
            self.refused(file, stmt)
            it = exc.item
            line = stmt.line + (it.line - 1 if it else 0)
            raise LoadError(f"cannot read this statement: {exc}" + (f" at {it.text!r}" if it else ""), file, line,
                            it.col if it else 1) from None
        return None

    def refused(self, file: str, stmt: sqlfile.Statement) -> None:
        """Raise the located error sqlglot's parser gave for the statement, if it gave one."""
        r = self.refusal
        if r is not None:
            raise LoadError(f"invalid SQL: {r.message}", file, stmt.line + r.line - 1, r.col) from None

    def create(self, file, stmt, s: Stream, tree) -> None:
        s.expect("CREATE")
        words = [it.up for it in s.items[s.i:s.i + 16] if it.kind == "word"]
        kind = next((w for w in words if w in CREATE_KINDS), "")
        before = words[:words.index(kind)] if kind else words
        made = tree.args.get("kind") if isinstance(tree, exp.Create) else None
        if kind == "TABLE" and not set(before) - {"OR", "REPLACE", "GLOBAL", "LOCAL", "TEMP", "TEMPORARY",
                                                   "UNLOGGED"}:
            if made != "TABLE":
                self.refused(file, stmt)
                raise Syntax("not a table sqlglot can read", s.peek())
            return self.create_table(file, stmt, s, tree)
        if kind == "INDEX":
            return self.create_index(file, stmt, s, tree)
        if kind == "VIEW":
            return self.create_view(file, stmt)
        if kind in ("FUNCTION", "PROCEDURE"):
            return self.create_function(file, stmt)
        if kind == "TRIGGER":
            return self.create_trigger(file, stmt)
        head = " ".join(words)
        if head.startswith("POLICY"):
            return self.create_policy(file, stmt, s)
        if head.startswith("SCHEMA") or head.startswith("EXTENSION"):
            return self.create_schema(file, stmt, s, words[0])
        if made == "SEQUENCE":
            return self.create_sequence(file, stmt, s, tree)
        if made == "TYPE" and isinstance(tree.expression, exp.DataType) and tree.expression.is_type("enum"):
            return self.create_enum(file, stmt, tree)
        self.keep(file, stmt, f"CREATE {' '.join(words[:2])} is not a kind of object the schema holds")
        return None

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
