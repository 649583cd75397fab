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

import logging
import os
import re
from dataclasses import dataclass, field

import sqlglot
from sqlglot import exp

from ..dialects import base as dialects

logging.getLogger("sqlglot").setLevel(logging.ERROR)


@dataclass(frozen=True)
class Statement:
    text: str
    line: int  # first line of the statement in the file
    end_line: int
    tree: exp.Expression | None  # None when sqlglot could not parse it (kept as an opaque command)

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

    def is_new(self, table: str | None) -> bool:
        return table is not None and table in self.created_tables

    def apply(self, st: Statement) -> None:
        t = st.tree
        if isinstance(t, exp.Create) and (t.kind or "").upper() == "TABLE" and st.table:
            self.created_tables.add(st.table)
        elif isinstance(t, exp.Drop) and (t.kind or "").upper() == "TABLE" and st.table:
            self.created_tables.discard(st.table)
        for action in st.alter_actions():
            for con in added_constraints(action):
                self.constraints.append(AddedConstraint(st.table or "", con[0], con[1], st.line))


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
    dialect: str  # "postgres" | "mysql"
    text: str
    statements: tuple[Statement, ...]


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
        out.append(Statement(s.text, s.line, s.end_line, tree))
    return MigrationFile(path, dialect, text, tuple(out))
