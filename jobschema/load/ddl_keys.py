"""The key clauses of a table as the importer reads them: PRIMARY KEY, UNIQUE, FOREIGN KEY ... REFERENCES,
CHECK and MySQL's KEY/INDEX, inline or as table constraints, named as the dialect names what the author left
unnamed. sqlglot's tree says which clause an element is and what it references; the tokens give the author's
text and the options sqlglot keeps only as strings (or not at all: MATCH, NOT VALID, ``SET NULL (cols)``)."""

from __future__ import annotations

from sqlglot import exp

from ..dialects import ddl_ast
from ..dialects.ddl_tokens import Item, Stream, Syntax
from ..model.objects import Check, ForeignKey, Index, Origin, PrimaryKey, UniqueKey
from .ddl_builders import FK_ACTIONS, Draft
from .ddl_result import Note, one_line


class KeyReader:
    """Part of ``ddl_read.Importer``: primary, unique and foreign keys, checks and MySQL's inline indexes."""

    def references(self, file, stmt, s: Stream, t: Draft, cols: tuple[str, ...], cname: str | None,
                   at: Item, ref: exp.Reference) -> None:
        s.expect("REFERENCES")
        target = ref.this
        rns, rtable = ddl_ast.qname(target, self.rules)
        s.qname()
        rcols = tuple(ddl_ast.ident(c, self.rules) for c in target.expressions) \
            if isinstance(target, exp.Schema) else ()
        if s.is_("("):
            s.paren_range()
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
                        if val == "no action":  # written out, not left to the engine's default
                            fk["no_action_spelled"] = tuple(sorted({*fk.get("no_action_spelled", ()), which}))
                        break
                else:
                    raise Syntax("expected a referential action", s.peek())
                if s.is_("(") and which == "on_delete":
                    fk["on_delete_columns"] = tuple(s.name_list())
                elif s.is_("("):
                    raise Syntax("only ON DELETE SET NULL/SET DEFAULT takes a column list", s.peek())
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
            known = self.table(rns, rtable)
            if known is not None and known.primary_key is not None:
                rcols = known.primary_key.columns
            else:
                raise Syntax(f"REFERENCES {rtable} without columns, and its primary key is not known here", at)
        if cname is None:
            cname = self.rules.fk_name(t, cols)
        ref_ns = self.ns(rns)
        t.add("foreign_keys", ForeignKey(
            name=self.unique_name(t, cname), columns=cols, ref_table=rtable, ref_columns=rcols,
            ref_namespace=ref_ns if ref_ns != t.namespace else None,
            origin=Origin(file, stmt.line + at.line - 1, at.col), **fk))

    def table_constraint(self, file, stmt, s: Stream, t: Draft, node: exp.Expression) -> None:
        """One table element that is not a column (``node``: sqlglot's tree of it)."""
        at = s.peek()
        origin = Origin(file, stmt.line + at.line - 1, at.col)
        cname = None
        if isinstance(node, exp.Constraint):
            s.expect("CONSTRAINT")
            s.next()
            cname = ddl_ast.ident(node.this, self.rules)
            node = node.expressions[0] if node.expressions else None
        if isinstance(node, exp.PrimaryKey):
            s.expect("PRIMARY", "KEY")
            if s.is_("USING") or (self.rules.keys_in_table and not s.is_("(")):
                s.next()
                s.next()
            cols = tuple(self.key_columns(file, stmt, s, t))
            t.set(primary_key=PrimaryKey(cols, cname if self.rules.pk_names else None, origin))
            for c in cols:
                if t.col(c) is not None:
                    t.set_col(c, nullable=False)
        elif isinstance(node, exp.UniqueColumnConstraint):
            s.expect("UNIQUE")
            nnd = s.accept("NULLS", "NOT", "DISTINCT")
            s.accept("NULLS", "DISTINCT")
            if s.accept("KEY") or s.accept("INDEX"):
                pass
            if not s.is_("("):
                cname = s.ident()
            cols = tuple(self.key_columns(file, stmt, s, t))
            name = cname or self.rules.unique_name(t.name, cols)
            t.add("uniques", UniqueKey(self.unique_name(t, name), cols, nnd, origin))
        elif isinstance(node, exp.ForeignKey):
            s.expect("FOREIGN", "KEY")
            if not s.is_("("):
                cname = cname or s.ident()
            cols = tuple(s.name_list())
            self.references(file, stmt, s, t, cols, cname, at, node.args["reference"])
        elif isinstance(node, exp.CheckColumnConstraint):
            s.expect("CHECK")
            text = s.paren_text()
            if cname is None:
                cname = self.rules.check_name(t, self.only_column(node, t))
            if s.accept("NOT", "VALID"):
                self.note(file, stmt, at, f"check {cname} is NOT VALID; the generated check is validated")
            no_inherit = s.accept("NO", "INHERIT")
            if s.accept("NOT", "VALID"):
                self.note(file, stmt, at, f"check {cname} is NOT VALID; the generated check is validated")
            t.add("checks", Check(self.unique_name(t, cname), self.expr(text), no_inherit=no_inherit, origin=origin))
        elif isinstance(node, exp.IndexColumnConstraint) and not node.args.get("kind") and self.rules.keys_in_table:
            if not s.accept("KEY"):
                s.expect("INDEX")
            iname = s.ident() if not s.is_("(") and not s.is_("USING") else None
            method = s.next().text.lower() if s.accept("USING") else "btree"  # KEY k USING HASH (...)
            parts = self.index_parts(file, stmt, s, t)
            if s.accept("USING"):
                method = s.next().text.lower()
            iname = iname or (parts[0].column or "idx")
            t.add("indexes", Index(iname, tuple(parts), method=method, origin=origin))
        else:  # EXCLUDE, LIKE, FULLTEXT, SPATIAL: kept as written, beside the module
            kind = s.peek().up if s.peek() else "?"
            self.note(file, stmt, at, f"{kind} constraint of {t.name} is not represented: "
                      f"{one_line(s.raw(0, len(s.items)))[:120]}")
            self.unmanaged.append(Note(f"{origin.file}:{origin.line}", f"{kind} constraint of {t.name} is not "
                                       "represented", f"ALTER TABLE {t.name} ADD {s.raw(0, len(s.items))}"))
            return
        if not s.at_end():
            it = s.peek()
            self.note(file, stmt, it, f"{one_line(s.raw(s.i, len(s.items)))[:80]!r} in a constraint of {t.name} is "
                      "not represented")

    def key_columns(self, file, stmt, s: Stream, t: Draft) -> list[str]:
        a, b = s.paren_range()
        out = []
        for x, y in s.split_commas(a, b):
            sub = s.sub(x, y)
            out.append(sub.ident())
            if not sub.at_end():
                self.note(file, stmt, sub.peek(), f"key column options ({one_line(sub.raw(sub.i, len(sub.items)))})"
                          f" on {t.name} are not represented")
        return out

    def only_column(self, check: exp.CheckColumnConstraint, t: Draft) -> str | None:
        """The one column of ``t`` an unnamed CHECK reads (PostgreSQL names it ``<table>_<col>_check``)."""
        names = {c.name for c in t.columns}
        used = {node.name for node in check.this.find_all(exp.Column) if node.name in names}
        return used.pop() if len(used) == 1 else None
