"""The key clauses of a table as the importer reads them: PRIMARY KEY, UNIQUE, FOREIGN KEY ... REFERENCES and
CHECK, inline or as table constraints, named as the dialect names what the author left unnamed."""

from __future__ import annotations

import sqlglot

from ..dialects.ddl_tokens import Item, Stream, Syntax
from ..model.objects import (
    Check,
    ForeignKey,
    Index,
    Origin,
    PrimaryKey,
    UniqueKey,
)
from .ddl_builders import (
    FK_ACTIONS,
    Draft,
)
from .ddl_result import Note, one_line


class KeyReader:
    """Part of ``ddl_read.Importer``: primary, unique and foreign keys and checks."""

    def references(self, file, stmt, s: Stream, t: Draft, cols: tuple[str, ...], cname: str | None,
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
            if target is not None and target.primary_key is not None:
                rcols = target.primary_key.columns
            else:
                raise Syntax(f"REFERENCES {rtable} without columns, and its primary key is not known here", at)
        if cname is None:
            cname = self.rules.fk_name(t, cols)
        ref_ns = self.ns(rns)
        t.add("foreign_keys", ForeignKey(
            name=self.unique_name(t, cname), columns=cols, ref_table=rtable, ref_columns=rcols,
            ref_namespace=ref_ns if ref_ns != t.namespace else None,
            origin=Origin(file, stmt.line + at.line - 1, at.col), **fk))

    def table_constraint(self, file, stmt, s: Stream, t: Draft) -> None:
        at = s.peek()
        origin = Origin(file, stmt.line + at.line - 1, at.col)
        cname = s.ident() if s.accept("CONSTRAINT") else None
        if s.accept("PRIMARY", "KEY"):
            if s.is_("USING") or (self.rules.keys_in_table and not s.is_("(")):
                s.next()
                s.next()
            cols = tuple(self.key_columns(file, stmt, s, t))
            t.set(primary_key=PrimaryKey(cols, cname if self.rules.pk_names else None, origin))
            for c in cols:
                if t.col(c) is not None:
                    t.set_col(c, nullable=False)
        elif s.accept("UNIQUE"):
            nnd = s.accept("NULLS", "NOT", "DISTINCT")
            s.accept("NULLS", "DISTINCT")
            if s.accept("KEY") or s.accept("INDEX"):
                pass
            if not s.is_("("):
                cname = s.ident()
            cols = tuple(self.key_columns(file, stmt, s, t))
            name = cname or self.rules.unique_name(t.name, cols)
            t.add("uniques", UniqueKey(self.unique_name(t, name), cols, nnd, origin))
        elif s.accept("FOREIGN", "KEY"):
            if not s.is_("("):
                cname = cname or s.ident()
            cols = tuple(s.name_list())
            self.references(file, stmt, s, t, cols, cname, at)
        elif s.accept("CHECK"):
            text = s.paren_text()
            if cname is None:
                cname = self.rules.check_name(t, self.first_column(text, t))
            if s.accept("NOT", "VALID"):
                self.note(file, stmt, at, f"check {cname} is NOT VALID; the generated check is validated")
            if s.accept("NO", "INHERIT"):
                self.note(file, stmt, at, f"NO INHERIT of check {cname} is not kept")
            t.add("checks", Check(self.unique_name(t, cname), self.expr(text), origin=origin))
        elif s.accept("KEY") or s.accept("INDEX"):
            iname = s.ident() if not s.is_("(") else None
            parts = self.index_parts(file, stmt, s, t)
            method = "btree"
            if s.accept("USING"):
                method = s.next().text.lower()
            iname = iname or (parts[0].column or "idx")
            t.add("indexes", Index(iname, tuple(parts), method=method, origin=origin))
        else:
            kind = s.peek().up if s.peek() else "?"
            self.note(file, stmt, at, f"{kind} constraint of {t.name} is not represented: "
                      f"{one_line(s.raw(0, len(s.items)))[:120]}")
            self.unmanaged.append(Note(f"{origin.file}:{origin.line}", f"{kind} constraint of {t.name} is not "
                                       "represented", f"ALTER TABLE {t.name} ADD {s.raw(0, len(s.items))}"))

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

    def first_column(self, text: str, t: Draft) -> str | None:
        try:
            tree = sqlglot.parse_one(text, read="postgres")
        except Exception:
            return None
        from sqlglot import exp

        names = {c.name for c in t.columns}
        used = {node.name for node in tree.walk() if isinstance(node, exp.Column) and node.name in names}
        return used.pop() if len(used) == 1 else None  # PostgreSQL: <table>_<col>_check for one column

    # -- indexes ---------------------------------------------------------------------------------
