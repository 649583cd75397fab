"""Later statements replayed on what earlier ones created: ALTER TABLE (columns, keys, renames, RLS),
DROP, ALTER SEQUENCE ... OWNED BY and COMMENT ON, so a migrations folder read in order gives its end state."""

from __future__ import annotations

from dataclasses import replace

from sqlglot import exp

from ..dialects import ddl_ast
from ..dialects.base import get
from ..dialects.ddl_tokens import Stream, Syntax, lex
from ..model.objects import (
    IndexPart,
    Sql,
    Table,
    Trigger,
)
from .ddl_builders import (
    Draft,
    native_of,
    typed,
)
from .ddl_result import Note, one_line


class Replay:
    """Part of ``ddl_read.Importer``: ALTER TABLE, DROP and COMMENT ON, from sqlglot's tree."""

    def alter(self, file, stmt, s: Stream, tree) -> None:
        s.expect("ALTER")
        if s.accept("SEQUENCE"):
            return self.alter_sequence(file, stmt, s)
        if not s.accept("TABLE"):
            if s.is_("FUNCTION") or s.is_("PROCEDURE") or s.is_("VIEW") or s.is_("MATERIALIZED") or \
                    s.is_("SCHEMA") or s.is_("TYPE") or s.is_("DATABASE") or s.is_("DEFAULT"):
                if any(it.up == "OWNER" for it in s.items):
                    self.skipped.append(Note(self.loc(file, stmt), "ownership is not managed; skipped", stmt.text))
                    return None
            return self.keep(file, stmt, "this ALTER statement is not represented")
        self.refused(file, stmt)
        s.accept("IF", "EXISTS")
        s.accept("ONLY")
        ns, tname = s.qname()
        t = self.table(ns, tname)
        if t is None and s.is_("OWNER", "TO"):  # pg_dump sets a view's owner with ALTER TABLE too
            self.skipped.append(Note(self.loc(file, stmt), f"ownership of {tname} is not managed; skipped", stmt.text))
            return None
        if t is None:
            return self.keep(file, stmt, f"ALTER TABLE {tname}, which these files do not create")
        d = Draft(t)
        ranges = s.split_commas(s.i, len(s.items))
        actions = tree.args.get("actions") if isinstance(tree, exp.Alter) else None
        if not actions or len(actions) != len(ranges):  # a Command: each action parsed on its own
            actions = [self.one_action(s.sub(x, y)) for x, y in ranges]
        for (x, y), action in zip(ranges, actions, strict=True):
            self.alter_action(file, stmt, s.sub(x, y), d, action)
        self.store(d.table)
        return None

    def one_action(self, s: Stream) -> exp.Expression | None:
        """sqlglot's tree of one action of an ALTER TABLE it read as a whole as a Command (None: a Command too,
        left to the token reader: RLS toggles, RENAME CONSTRAINT, ADD GENERATED, OWNER TO)."""
        text = "ALTER TABLE t " + s.raw(0, len(s.items))
        tree, _ = ddl_ast.parse(text, self.lex(text), self.rules)
        actions = tree.args.get("actions") if isinstance(tree, exp.Alter) else None
        return actions[0] if actions and len(actions) == 1 else None

    def alter_action(self, file, stmt, s: Stream, t: Draft, action) -> None:
        at = s.peek()
        if at is None:
            return None
        if isinstance(action, exp.ColumnDef):
            s.expect("ADD")
            s.accept("COLUMN")
            s.accept("IF", "NOT", "EXISTS")
            return self.column(file, stmt, s.sub(s.i, len(s.items)), t, action)
        if isinstance(action, exp.AddConstraint) and len(action.expressions) == 1:
            s.expect("ADD")
            if not self.rules.keys_in_table and (s.is_("KEY") or s.is_("INDEX")):
                raise Syntax("ADD INDEX is MySQL syntax", at)
            return self.table_constraint(file, stmt, s.sub(s.i, len(s.items)), t, action.expressions[0])
        if isinstance(action, exp.ModifyColumn) and self.rules.modify_columns:
            if self.modify_column(file, stmt, s, t, action):
                return None
        elif isinstance(action, exp.AlterColumn) and s.accept("ALTER"):
            s.accept("COLUMN")
            if self.alter_column(file, stmt, s, t, at):
                return None
        elif isinstance(action, (exp.Drop, exp.DropPrimaryKey)) and self.alter_drop(s, t):
            return None
        elif isinstance(action, (exp.AlterRename, exp.RenameColumn, exp.RenameIndex)) and self.alter_rename(s, t):
            return None
        elif action is None and self.command_action(file, stmt, s, t, at):
            return None
        self.note(file, stmt, at, f"ALTER TABLE {t.name} {one_line(s.raw(0, len(s.items)))[:100]} is not "
                  "represented")
        self.unmanaged.append(Note(self.loc(file, stmt, at), "ALTER TABLE action not represented",
                                   f"ALTER TABLE {t.name} {s.raw(0, len(s.items))}"))
        return None

    def alter_column(self, file, stmt, s: Stream, t: Draft, at) -> bool:
        """ALTER [COLUMN] c SET/DROP DEFAULT, SET/DROP NOT NULL, [SET DATA] TYPE; True when handled."""
        cname = s.ident()
        col = t.col(cname)
        if col is None:
            return False
        if s.accept("SET", "DEFAULT"):
            t.set_col(cname, default=self.default(s.raw(s.i, len(s.items)), native_of(col, self.rules.name)))
            return True
        if s.accept("DROP", "DEFAULT"):
            t.set_col(cname, default=None)
            return True
        if s.accept("SET", "NOT", "NULL"):
            t.set_col(cname, nullable=False)
            return True
        if s.accept("DROP", "NOT", "NULL"):
            t.set_col(cname, nullable=True)
            return True
        if s.accept("TYPE") or s.accept("SET", "DATA", "TYPE"):
            a, b = self.type_span(s)
            typ = typed(col.name, self.rules.logical_type(s.raw(a, b)), self.rules.name, t.namespace)
            t.set_col(cname, type=typ.type, type_overrides=typ.type_overrides, enum=typ.enum)
            if s.accept("COLLATE"):
                t.set_col(cname, collation=s.ident())
            if s.accept("USING"):
                s.i = len(s.items)
            return s.at_end()
        return False

    def modify_column(self, file, stmt, s: Stream, t: Draft, action: exp.ModifyColumn) -> bool:
        """MySQL's MODIFY [COLUMN] c <definition> and CHANGE [COLUMN] old new <definition>."""
        change = s.next().up == "CHANGE"
        s.accept("COLUMN")
        old = s.ident() if change else None
        probe = Draft(Table(t.name, (), t.namespace, origin=t.table.origin))
        self.column(file, stmt, s.sub(s.i, len(s.items)), probe, action.this)
        newcol = probe.columns[0]
        target = t.col(old or newcol.name)
        if target is None:
            return False
        if target.name != newcol.name:
            self.rename_column(t, target.name, newcol.name)
        renamed = t.col(newcol.name)
        t.change("columns", lambda c: newcol if c is renamed else c)
        return True

    # -- changes a later script makes (a migrations folder read in order) -------------------------
    def drop(self, file, stmt, s: Stream, tree) -> None:
        """DROP of an object these files created removes it; any other DROP is skipped (listed)."""
        drops = [tree] if isinstance(tree, exp.Drop) else self.drops_one_by_one(file, stmt, s)
        done = 0
        for d in drops:
            kind = (d.args.get("kind") or "").upper()
            on = d.args.get("cluster")
            on = ddl_ast.qname(on.this, self.rules) if isinstance(on, exp.OnProperty) else None
            for target in d.args.get("tables") or ():
                done += self.drop_one(kind, ddl_ast.qname(target, self.rules), on)
        if not done:
            self.skipped.append(Note(self.loc(file, stmt), "DROP of an object these files do not create; skipped",
                                     stmt.text))

    def drops_one_by_one(self, file, stmt, s: Stream) -> list[exp.Drop]:
        """``DROP FUNCTION f(int), g(text)``, which sqlglot reads one signature at a time."""
        s.expect("DROP")
        while s.peek() is not None and s.peek().up in ("FUNCTION", "PROCEDURE", "IF", "EXISTS"):
            s.next()
        head = s.raw(0, s.i)
        out = []
        for x, y in s.split_commas(s.i, len(s.items)):
            text = f"{head} {s.raw(x, y)}"
            tree, _ = ddl_ast.parse(text, self.lex(text), self.rules)
            if not isinstance(tree, exp.Drop):
                self.refused(file, stmt)
                return []
            out.append(tree)
        return out

    def drop_one(self, kind: str, name: tuple[str | None, str], on: tuple[str | None, str] | None) -> int:
        ns, name = name
        if kind == "TABLE" and (self.ns(ns), name) in self.tables:
            del self.tables[(self.ns(ns), name)]
            self.triggers = [tr for tr in self.triggers if tr.table != name]
            return 1
        if kind == "VIEW" and any(v.name == name for v in self.views):
            self.views = [v for v in self.views if v.name != name]
            return 1
        done = 0
        if kind == "INDEX":
            for key, t in list(self.tables.items()):
                if (on is None or on[1] == t.name) and any(ix.name == name for ix in t.indexes):
                    self.tables[key] = replace(t, indexes=tuple(ix for ix in t.indexes if ix.name != name))
                    done += 1
                elif self.rules.drop_index_drops_keys and on is not None and on[1] == t.name:
                    self.tables[key] = replace(t, uniques=tuple(u for u in t.uniques if u.name != name))
                    done += 1
        elif kind in ("FUNCTION", "PROCEDURE") and any(f.name == name for f in self.functions):
            self.functions = [f for f in self.functions if f.name != name]
            done += 1
        elif kind == "TRIGGER" and any(tr.name == name for tr in self.triggers):
            self.triggers = [tr for tr in self.triggers if not (tr.name == name and (on is None or
                                                                                      tr.table == on[1]))]
            done += 1
        return done

    def alter_drop(self, s: Stream, t: Draft) -> bool:
        """ALTER TABLE ... DROP a constraint, key, index or column these files created; True when handled."""
        if s.accept("DROP"):
            if s.accept("CONSTRAINT") or s.accept("CHECK") or (
                    self.rules.drop_foreign_key and s.accept("FOREIGN", "KEY")):
                s.accept("IF", "EXISTS")
                name = s.ident()
                for kind in ("checks", "foreign_keys", "uniques"):
                    t.keep(kind, lambda x: x.name != name)
                if t.table.primary_key is not None and t.table.primary_key.name == name:
                    t.set(primary_key=None)
                return True
            if s.accept("PRIMARY", "KEY"):
                t.set(primary_key=None)
                return True
            if s.accept("INDEX") or s.accept("KEY"):
                name = s.ident()
                t.keep("indexes", lambda ix: ix.name != name)
                t.keep("uniques", lambda u: u.name != name)
                return True
            s.accept("COLUMN")
            s.accept("IF", "EXISTS")
            name = s.ident()
            col = t.col(name)
            if col is None:
                return False
            t.keep("columns", lambda c: c is not col)
            t.keep("indexes", lambda ix: col.name not in ix.columns and col.name not in ix.include)
            t.keep("uniques", lambda u: col.name not in u.columns)
            t.keep("foreign_keys", lambda f: col.name not in f.columns)
            return True
        return False

    def alter_rename(self, s: Stream, t: Draft) -> bool:
        """ALTER TABLE ... RENAME [TO|AS] (the table), RENAME [COLUMN] a TO b, RENAME CONSTRAINT|INDEX|KEY a TO b."""
        if s.accept("RENAME"):
            if s.accept("TO") or (self.rules.rename_as and s.accept("AS")):
                new = s.ident()
                old = (t.namespace, t.name)
                kept = self.rules.pk_name_after_rename(t.name)
                pk = t.table.primary_key
                if pk is not None and pk.name is None and kept is not None:
                    t.set(primary_key=replace(pk, name=kept))  # the constraint keeps the old table's name
                self.tables.pop(old, None)
                t.set(name=new)

                def moved(other: Table) -> Table:
                    return replace(other, foreign_keys=tuple(
                        replace(f, ref_table=new) if f.ref_table == old[1] and
                        (f.ref_namespace or other.namespace) == old[0] else f for f in other.foreign_keys))

                self.everywhere(t, moved)
                self.triggers = [replace(tr, table=new) if tr.table == old[1] else tr for tr in self.triggers]
                return True
            if s.accept("CONSTRAINT") or s.accept("INDEX") or s.accept("KEY"):
                a = s.ident()
                s.expect("TO")
                b = s.ident()
                for kind in ("checks", "foreign_keys", "uniques", "indexes"):
                    t.change(kind, lambda x: replace(x, name=b) if x.name == a else x)
                return True
            s.accept("COLUMN")
            a = s.ident()
            s.expect("TO")
            b = s.ident()
            self.rename_column(t, a, b)
            return True
        return False

    def everywhere(self, t: Draft, change) -> None:
        """Apply ``change`` to every table these files created: the one being altered and the others."""
        for key, other in list(self.tables.items()):
            if key != (t.namespace, t.name):
                self.tables[key] = change(other)
        t.table = change(t.table)

    def rename_column(self, t: Draft, a: str, b: str) -> None:
        """Rename a column everywhere these files mention it (keys, indexes, FKs both ways, expressions)."""
        col = t.col(a)
        if col is None:
            return

        def cols(xs):
            return tuple(b if x == a else x for x in xs)

        def text(sql: Sql | None) -> Sql | None:
            if sql is None:
                return None
            return Sql(rename_ident(sql.text, a, b, self.rules),
                       tuple((d, rename_ident(x, a, b, get(d).ddl)) for d, x in sql.overrides))

        def part(p: IndexPart) -> IndexPart:
            return replace(p, column=b if p.column == a else p.column, expression=text(p.expression))

        pk = t.table.primary_key
        if pk is not None:
            t.set(primary_key=replace(pk, columns=cols(pk.columns)))
        t.change("uniques", lambda u: replace(u, columns=cols(u.columns)))
        t.change("indexes", lambda ix: replace(ix, include=cols(ix.include), where=text(ix.where),
                                               parts=tuple(part(p) for p in ix.parts)))
        t.change("foreign_keys", lambda f: replace(f, columns=cols(f.columns)))
        t.change("checks", lambda c: replace(c, expression=text(c.expression)))
        t.change("policies", lambda p: replace(p, using=text(p.using), with_check=text(p.with_check)))
        t.change("columns", lambda c: replace(c, name=b if c is col else c.name, generated=text(c.generated)))

        def referenced(other: Table) -> Table:
            return replace(other, foreign_keys=tuple(
                replace(f, ref_columns=cols(f.ref_columns))
                if f.ref_table == t.name and (f.ref_namespace or other.namespace) == t.namespace else f
                for f in other.foreign_keys))

        self.everywhere(t, referenced)

    # -- COMMENT ON ------------------------------------------------------------------------------
    def comment(self, file, stmt, s: Stream, tree) -> None:
        if not isinstance(tree, exp.Comment):  # ON CONSTRAINT|POLICY|TRIGGER ... ON t: sqlglot refuses them
            return self.comment_on(file, stmt, s)
        kind = (tree.args.get("kind") or "").upper()
        node = tree.this
        if kind == "COLUMN" and isinstance(node, exp.Column):
            target = [ddl_ast.ident(p, self.rules) for p in (node.args.get("db"), node.args.get("table"), node.this)
                      if p is not None]
        elif kind in ("TABLE", "INDEX", "VIEW") and isinstance(node, exp.Table):
            target = list(ddl_ast.qname(node, self.rules))
        else:
            return self.keep(file, stmt, f"COMMENT ON {kind} is not represented")
        last = s.items[-1]
        if last.up == "NULL":  # bridged: sqlglot's grammar wants a string there
            value = None
        elif last.kind == "str" and isinstance(tree.expression, exp.Literal):
            value = last.text
        else:
            return self.keep(file, stmt, "comment text is not a plain string literal")
        return self.apply_comment(file, stmt, kind, target, None, value)

    def apply_comment(self, file, stmt, kind: str, target: list, on, value: str | None) -> None:
        """Set the comment of the object COMMENT ON names (kept as a statement where the model has no field)."""
        if kind == "TABLE":
            t = self.table(target[0], target[1])
            if t is not None:
                self.store(replace(t, comment=value))
                return None
        elif kind == "COLUMN" and len(target) >= 2:
            t = self.table(target[-3] if len(target) >= 3 else None, target[-2])
            d = Draft(t) if t is not None else None
            if d is not None and d.col(target[-1]) is not None:
                d.set_col(target[-1], comment=value)
                self.store(d.table)
                return None
        elif kind == "INDEX":
            for t in self.tables.values():
                if any(ix.name == target[1] for ix in t.indexes):
                    self.store(replace(t, indexes=tuple(replace(ix, comment=value) if ix.name == target[1] else ix
                                                        for ix in t.indexes)))
                    return None
        elif kind == "VIEW":
            for i, v in enumerate(self.views):
                if v.name == target[1]:
                    self.views[i] = replace(v, extra_sql=v.extra_sql + ((self.rules.name, stmt.text),))
                    return None
        elif kind in ("CONSTRAINT", "POLICY"):
            t = self.table(*on) if on else None
            if t is not None:
                d = Draft(t)
                for kinds in (("checks", "foreign_keys") if kind == "CONSTRAINT" else ("policies",)):
                    objs = d.table.rls.policies if kinds == "policies" else getattr(d.table, kinds)
                    if any(o.name == target[0] for o in objs):
                        d.change(kinds, lambda o: replace(o, comment=value) if o.name == target[0] else o)
                        self.store(d.table)
                        return None
        elif kind == "TRIGGER":
            for i, tr in enumerate(self.triggers):
                if tr.name == target[0]:
                    self.triggers[i] = Trigger(**{**tr.__dict__, "sql": tr.sql + "\n\n" + stmt.text + ";"})
                    return None
        return self.keep(file, stmt, f"COMMENT ON {kind} for an object these files do not create (or the model "
                         "keeps no comment for)")

    # -- finish ----------------------------------------------------------------------------------


def rename_ident(text: str, a: str, b: str, rules) -> str:
    """``text`` with every identifier token naming ``a`` renamed to ``b`` (quoted when it must be)."""

    try:
        items = lex(text, rules.name)
    except Exception:
        return text
    out, last = [], 0
    for it in items:
        same = (it.kind == "qid" and it.text == a) or (it.kind == "word" and rules.fold(it.text) == a)
        if same:
            out.append(text[last:it.start])
            out.append(rules.quote(b))
            last = it.end + 1
    out.append(text[last:])
    return "".join(out)
