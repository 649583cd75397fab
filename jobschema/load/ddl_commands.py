"""The token reader's share of the importer: the statements and clauses sqlglot returns as ``exp.Command`` or
cannot parse (``dialects/ddl_ast.py`` lists them) — ``CREATE POLICY``, ``ALTER SEQUENCE ... OWNED BY``, the
ALTER TABLE actions ``ENABLE``/``FORCE ROW LEVEL SECURITY``, ``ALTER COLUMN ... ADD GENERATED ... AS IDENTITY``,
``RENAME CONSTRAINT`` and ``OWNER TO``, and ``COMMENT ON CONSTRAINT|POLICY|TRIGGER ... ON``."""

from __future__ import annotations

from dataclasses import replace

from ..dialects.ddl_tokens import Item, Stream, Syntax
from ..model.objects import Origin, Policy
from .ddl_builders import Draft, default_sequence_options
from .ddl_result import Note, one_line


class CommandReader:
    """Part of ``ddl_read.Importer``: what sqlglot leaves as a Command, read from the tokens."""

    def alter_sequence(self, file, stmt, s: Stream) -> None:
        """ALTER SEQUENCE s OWNED BY t.c: the sequence becomes the column's own (a serial, if it is)."""
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

    def command_action(self, file, stmt, s: Stream, t: Draft, at: Item) -> bool:
        """One ALTER TABLE action sqlglot reads as a Command; True when handled."""
        if s.accept("ENABLE", "ROW", "LEVEL", "SECURITY"):
            t.set(rls=replace(t.table.rls, enabled=True))
            return True
        if s.accept("FORCE", "ROW", "LEVEL", "SECURITY"):
            t.set(rls=replace(t.table.rls, forced=True))
            return True
        if s.accept("ALTER"):
            s.accept("COLUMN")
            cname = s.ident()
            if t.col(cname) is not None and s.accept("ADD", "GENERATED"):
                identity = "always" if s.accept("ALWAYS") else "by default"
                if identity == "by default":
                    s.expect("BY", "DEFAULT")
                s.expect("AS", "IDENTITY")
                t.set_col(cname, identity=identity, nullable=False)
                if s.is_("("):
                    opts = s.paren_text()
                    if not default_sequence_options(opts):
                        self.note(file, stmt, at, f"identity options of {t.name}.{cname} ({one_line(opts)}) are not "
                                  "kept")
                return True
            return False
        if s.is_("RENAME"):
            return self.alter_rename(s, t)
        if s.is_("OWNER", "TO"):
            self.skipped.append(Note(self.loc(file, stmt, at), f"ownership of {t.name} is not managed; skipped",
                                     stmt.text))
            return True
        return False

    def comment_on(self, file, stmt, s: Stream) -> None:
        """COMMENT ON CONSTRAINT|POLICY|TRIGGER name ON table IS ..., and any COMMENT sqlglot refuses."""
        s.expect("COMMENT", "ON")
        kind = s.next().up
        if kind == "MATERIALIZED":
            s.expect("VIEW")
            kind = "VIEW"
        target: list = []
        on = None
        if kind == "COLUMN":
            target = [s.ident()]
            while s.accept("."):
                target.append(s.ident())
        elif kind in ("TABLE", "INDEX", "VIEW"):
            target = list(s.qname())
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
        return self.apply_comment(file, stmt, kind, target, on, value)

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
        policy = Policy(name, command, tuple(roles), permissive, using, check, origin=Origin(file, stmt.line, 1))
        self.store(replace(t, rls=replace(t.rls, policies=t.rls.policies + (policy,))))
        return None
