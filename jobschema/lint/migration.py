"""Migration files as the lint rules see them: statements with lines, a sqlglot tree, and lifespans.

Each file is split into statements by its dialect's splitter (``dialects/<name>/split.py``, the one
``migrate`` runs the file with, so every line reported here is a statement that runs) and each statement
is parsed once with sqlglot in the file's dialect; what sqlglot cannot parse
(``DO`` blocks, ``VALIDATE CONSTRAINT``) stays an opaque statement that rules skip. While the runner walks
the statements in order it keeps a ``FileState``, like Atlas's per-file resource lifespans: tables created
earlier in the same file are new (exempt from "existing table" rules) and constraints added earlier are
remembered for rules about ordering.
"""

from __future__ import annotations

import functools
import logging
import os
import re
from dataclasses import dataclass, field

import sqlglot
from sqlglot import exp
from sqlglot.tokens import TokenType

from ..dialects import base as dialects
from ..migrate.directory import has_directive
from ..names import NO_TRANSACTION

logging.getLogger("sqlglot").setLevel(logging.ERROR)


@dataclass(frozen=True)
class Statement:
    text: str
    line: int  # first line of the statement in the file
    end_line: int
    tree: exp.Expression | None  # None when sqlglot could not parse it (kept as an opaque command)
    dialect: str = ""

    def words(self) -> tuple[str, ...]:
        """What sqlglot's tokenizer reads in the statement (comments dropped): keywords and names upper-cased,
        string literals quoted as written. Rules read an opaque statement (``ALTER TYPE ... ADD VALUE``,
        ``ADD ... USING INDEX``, which sqlglot keeps as a command) through these tokens, never the raw text."""
        return _words(self.text, self.dialect or dialects.DEFAULT)

    @property
    def table(self) -> str | None:
        """The table an ALTER/CREATE/DROP/UPDATE/CREATE INDEX statement works on, lower-cased."""
        t = self.tree
        if t is None:
            return None
        if isinstance(t, exp.Create) and isinstance(t.this, exp.Index):
            tab = t.this.args.get("table")
            return table_name(tab) if tab is not None else None
        if isinstance(t, exp.Create) and t.kind == "TABLE":
            node = t.this
            if isinstance(node, exp.Schema):
                node = node.this
            return table_name(node)
        if isinstance(t, (exp.Alter, exp.Update, exp.Delete)):
            return table_name(t.this)
        if isinstance(t, exp.Drop) and t.kind == "TABLE":
            tabs = t.args.get("tables") or [t.this]
            return table_name(tabs[0]) if tabs and tabs[0] is not None else None
        return None

    @property
    def summary(self) -> str:
        """The statement on one line, comments removed, shortened for reports."""
        text = re.sub(r"--[^\n]*", " ", self.text)
        text = " ".join(text.split())
        return text if len(text) <= 160 else text[:157] + "..."

    def alter_actions(self) -> list[exp.Expression]:
        if isinstance(self.tree, exp.Alter) and (self.tree.args.get("kind") or "").upper() == "TABLE":
            return list(self.tree.args.get("actions") or [])
        return []

    def writes_go_on(self) -> bool:
        """An ``ALTER TABLE`` that says ``LOCK=NONE`` (MySQL): the server runs it while writes go on, or refuses."""
        if not isinstance(self.tree, exp.Alter):
            return False
        return any(isinstance(o, exp.LockProperty) and o.name.upper() == "NONE"
                   for o in self.tree.args.get("options") or [])


@functools.lru_cache(maxsize=4096)
def _words(text: str, name: str) -> tuple[str, ...]:
    dialect = sqlglot.Dialect.get_or_raise(name)
    try:
        tokens = dialect.tokenize(text)
        if len(tokens) > 1 and tokens[0].token_type in dialect.tokenizer_class.COMMANDS and \
                tokens[1].token_type == TokenType.STRING:  # the tokenizer keeps a command's rest as one string
            tokens = [tokens[0], *dialect.tokenize(tokens[1].text)]
    except Exception:
        return ()
    return tuple(f"'{t.text}'" if t.token_type == TokenType.STRING else t.text.upper()
                 for t in tokens if t.token_type != TokenType.SEMICOLON)


def table_name(node: exp.Expression | None) -> str | None:
    if node is None:
        return None
    if isinstance(node, exp.Table):
        return node.name.lower() if node.name else None
    if isinstance(node, exp.Identifier):
        return node.name.lower()
    return None


@dataclass(frozen=True)
class AddedConstraint:
    table: str
    name: str | None
    columns: frozenset[str]
    line: int


@dataclass
class FileState:
    """What the statements before the current one did: the lifespans rules ask about."""

    created_tables: set[str] = field(default_factory=set)
    constraints: list[AddedConstraint] = field(default_factory=list)
    settings: dict[str, int] = field(default_factory=dict)  # session setting (lower case) -> line it was set
    created_types: set[str] = field(default_factory=set)
    added_labels: dict[str, tuple[str, int]] = field(default_factory=dict)  # enum label -> (type, line)
    dropped_indexes: set[str] = field(default_factory=set)  # DROP INDEX ... IF EXISTS earlier in the file
    reported: set[str] = field(default_factory=set)  # codes of once-per-file rules that have reported
    in_block: int = 0  # line of an explicit BEGIN not yet committed, 0 outside one
    # what earlier UPDATEs did to a column: {(table, column): {old: new}} for value rewrites
    # (UPDATE t SET c = 'new' WHERE c = 'old'), None once anything else wrote it or the table lost rows
    rewrites: dict[tuple[str, str], dict[str, str] | None] = field(default_factory=dict)
    touched: set[str] = field(default_factory=set)  # tables whose rows an earlier DELETE/TRUNCATE removed
    rows: object = None  # lint --dsn: the live rows (``lint.live.LiveRows``) data-aware rules count

    def once(self, code: str) -> bool:
        """True the first time a once-per-file rule asks (a missing setting is reported where it bites first)."""
        if code in self.reported:
            return False
        self.reported.add(code)
        return True

    def is_new(self, table: str | None) -> bool:
        return table is not None and table in self.created_tables

    def apply(self, st: Statement) -> None:
        t = st.tree
        if isinstance(t, exp.Create) and (t.kind or "").upper() == "TABLE" and st.table:
            self.created_tables.add(st.table)
        elif isinstance(t, exp.Drop) and (t.kind or "").upper() == "TABLE" and st.table:
            self.created_tables.discard(st.table)
        if isinstance(t, exp.Alter) and t.args.get("not_valid"):
            return  # NOT VALID checks rows written from now on, not the rows already there
        for action in st.alter_actions():
            for con in added_constraints(action):
                self.constraints.append(AddedConstraint(st.table or "", con[0], con[1], st.line))
        if isinstance(t, exp.Update) and st.table:
            self._record_update(st.table, t)
        elif isinstance(t, (exp.Delete, exp.TruncateTable)):
            names = [st.table] if isinstance(t, exp.Delete) else [x.name.lower() for x in t.expressions]
            self.touched.update(n for n in names if n)
        if isinstance(t, exp.Transaction):
            self.in_block = st.line
        elif isinstance(t, (exp.Commit, exp.Rollback)):
            self.in_block = 0
        for name, value in session_settings(st):
            if value_disables(value):
                self.settings.pop(name, None)
            else:
                self.settings[name] = st.line
        if isinstance(t, exp.Drop) and (t.kind or "").upper() == "INDEX" and t.args.get("exists"):
            self.dropped_indexes.update(tab.name.lower() for tab in t.args.get("tables") or [] if tab.name)
        if isinstance(t, exp.Create) and (t.kind or "").upper() == "TYPE" and isinstance(t.this, exp.Table):
            self.created_types.add(t.this.name.lower())
        added = enum_value_added(st)
        if added is not None:
            self.added_labels[added[1]] = (added[0], st.line)

    def _record_update(self, table: str, t: exp.Update) -> None:
        where = t.args.get("where")
        cond = where.this if isinstance(where, exp.Where) else None
        for assignment in t.expressions:
            if not (isinstance(assignment, exp.EQ) and isinstance(assignment.this, exp.Column)):
                continue
            col = assignment.this.name.lower()
            key = (table, col)
            new, old = assignment.expression, None
            if isinstance(cond, exp.EQ) and isinstance(cond.this, exp.Column) and cond.this.name.lower() == col \
                    and isinstance(cond.expression, exp.Literal) and cond.expression.is_string:
                old = cond.expression.name
            if old is not None and isinstance(new, exp.Literal) and new.is_string and len(t.expressions) == 1 \
                    and (key not in self.rewrites or self.rewrites[key] is not None):
                self.rewrites.setdefault(key, {})[old] = new.name  # type: ignore[index]
            else:
                self.rewrites[key] = None

    def has_setting(self, names: tuple[str, ...]) -> bool:
        return any(n in self.settings for n in names)


def session_settings(st: Statement) -> list[tuple[str, str]]:
    """(setting, value) for each ``SET [SESSION|LOCAL] name = value`` the statement makes."""
    if not isinstance(st.tree, exp.Set):
        return []
    out = []
    for item in st.tree.expressions:
        eq = item.this if isinstance(item, exp.SetItem) else None
        if isinstance(eq, exp.EQ) and isinstance(eq.this, (exp.Column, exp.Var, exp.Identifier)):
            value = eq.expression
            out.append((eq.this.name.lower(), value.name if isinstance(value, exp.Literal) else value.sql()))
    return out


def value_disables(value: str) -> bool:
    """A timeout of 0 (or DEFAULT) means no timeout."""
    v = value.strip().strip("'").lower()
    return v in ("0", "default", "0s", "0ms", "0min") or v == ""


def enum_value_added(st: Statement) -> tuple[str, str] | None:
    """(type, label) of ``ALTER TYPE t ADD VALUE [IF NOT EXISTS] 'label' ...``, read from sqlglot's tokens
    (sqlglot keeps the statement as a command)."""
    if st.tree is not None or not st.text.lstrip().upper().startswith("ALTER"):
        return None
    w = st.words()
    if len(w) < 6 or w[:2] != ("ALTER", "TYPE") or "ADD" not in w:
        return None
    i = w.index("ADD")
    if i + 1 >= len(w) or w[i + 1] != "VALUE":
        return None
    rest = w[i + 2:]
    if rest[:3] == ("IF", "NOT", "EXISTS"):
        rest = rest[3:]
    if not rest or not rest[0].startswith("'"):
        return None
    return ".".join(x.strip('"') for x in w[2:i] if x != ".").lower(), rest[0][1:-1]


def added_constraints(action: exp.Expression) -> list[tuple[str | None, frozenset[str]]]:
    """(name, columns) for each CHECK / FOREIGN KEY / UNIQUE / PRIMARY KEY an ALTER action adds."""
    out = []
    if isinstance(action, exp.AddConstraint):
        for con in action.expressions:
            name = con.name if isinstance(con, exp.Constraint) and con.name else None
            cols = frozenset(c.name.lower() for c in con.find_all(exp.Column) if c.name)
            cols |= frozenset(i.name.lower() for i in con.find_all(exp.Identifier)
                              if i.name and not isinstance(i.parent, (exp.Column, exp.Table, exp.Constraint))
                              and not _in_reference(i))
            out.append((name, cols))
    return out


def _in_reference(node: exp.Expression) -> bool:
    p = node.parent
    while p is not None:
        if isinstance(p, exp.Reference):
            return True
        p = p.parent
    return False


def constraint_kinds(action: exp.Expression) -> list[str]:
    """Kinds ("check", "foreign key", "unique", "primary key") of the constraints an action adds."""
    kinds = []
    if isinstance(action, exp.AddConstraint):
        for con in action.expressions:
            if con.find(exp.CheckColumnConstraint):
                kinds.append("check")
            elif con.find(exp.ForeignKey) or con.find(exp.Reference):
                kinds.append("foreign key")
            elif con.find(exp.PrimaryKey) or con.find(exp.PrimaryKeyColumnConstraint):
                kinds.append("primary key")
            elif con.find(exp.UniqueColumnConstraint):
                kinds.append("unique")
            else:
                kinds.append("constraint")
    return kinds


@dataclass(frozen=True)
class MigrationFile:
    path: str  # as shown in reports
    dialect: str  # a registered dialect's name
    text: str
    statements: tuple[Statement, ...]

    @property
    def transactional(self) -> bool:
        """Whether ``migrate`` runs the file in one transaction (no ``-- jobschema:no-transaction``) on a
        dialect whose DDL is transactional; a failure halfway then leaves nothing behind."""
        return (not has_directive(self.text, NO_TRANSACTION)
                and dialects.get(self.dialect).capabilities.transactional_ddl)


def parse_file(path: str, text: str, dialect: str | None = None) -> MigrationFile:
    dialect = dialect or dialects.name_for_path(path.replace(os.sep, "/"), dialects.DEFAULT)
    out = []
    for s in dialects.get(dialect).split(text):
        tree = None
        try:
            tree = sqlglot.parse_one(s.text, read=dialect)
        except Exception:  # sqlglot raises assorted errors on SQL it does not know: keep it opaque
            tree = None
        if isinstance(tree, exp.Command):
            tree = None
        out.append(Statement(s.text, s.line, s.end_line, tree, dialect))
    return MigrationFile(path, dialect, text, tuple(out))
