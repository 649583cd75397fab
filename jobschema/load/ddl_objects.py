"""Indexes, views, routines, triggers and policies as the importer reads them; views, routines and
triggers through ``sqlfile``'s header readers, bodies kept verbatim."""

from __future__ import annotations

import re
from dataclasses import replace

from sqlglot import exp

from ..dialects import ddl_ast
from ..dialects.ddl_tokens import Stream, Syntax
from ..errors import LoadError
from ..model.objects import (
    Function,
    Index,
    IndexPart,
    Origin,
    Table,
    Trigger,
    View,
)
from . import sqlfile
from .ddl_result import one_line


class ObjectReader:
    """Part of ``ddl_read.Importer``: the objects beside a table's columns and keys."""

    def index_parts(self, file, stmt, s: Stream, t: Table | None) -> list[IndexPart]:
        a, b = s.paren_range()
        parts = []
        for x, y in s.split_commas(a, b):
            sub = s.sub(x, y)
            first = sub.peek()
            desc, opclass, nulls = False, None, None
            # trailing modifiers, read from the end
            end = len(sub.items)
            while end > 0:
                last = sub.items[end - 1]
                if last.up in ("ASC", "DESC"):
                    desc = desc or last.up == "DESC"
                    end -= 1
                elif end >= 2 and sub.items[end - 2].up == "NULLS" and last.up in ("FIRST", "LAST"):
                    nulls = last.up == "FIRST"
                    end -= 2
                else:
                    break
            body = sub.sub(0, end)
            if first.kind == "punct" and first.text == "(":
                i0, i1 = body.paren_range()
                expr = body.raw(i0, i1)
                rest = body.items[body.i:]
            elif len(body.items) >= 2 and body.items[1].kind == "punct" and body.items[1].text == "(" and \
                    first.kind == "word" and (not self.rules.prefix_lengths or body.items[2].kind != "num"):
                body.next()
                body.paren_range()
                expr = body.raw(0, body.i)
                rest = body.items[body.i:]
            else:
                col = body.ident()
                expr = None
                length = None
                if body.is_("(") and self.rules.prefix_lengths:
                    ln = body.paren_text().strip()
                    if ln.isdigit():
                        length = int(ln)
                    else:
                        self.note(file, stmt, first, f"prefix length ({ln}) of index column {col} is not represented")
                rest = body.items[body.i:]
            if rest and rest[0].up == "COLLATE":
                self.note(file, stmt, rest[0], "a COLLATE in an index key is not represented")
                rest = rest[2:]
            if rest:
                opclass = " ".join(r.text for r in rest)
            nulls_first = None if nulls is None or nulls == desc else nulls  # kept where not the default
            if expr is not None:
                parts.append(IndexPart(expression=self.expr(expr), descending=desc, opclass=opclass,
                                       nulls_first=nulls_first))
            else:
                parts.append(IndexPart(column=col, descending=desc, opclass=opclass, length=length,
                                       nulls_first=nulls_first))
        return parts

    def create_index(self, file, stmt, s: Stream, tree) -> None:
        """sqlglot's ``exp.Index`` names the index, its table, method and INCLUDE columns; the tokens give each
        key part's text and the options sqlglot does not keep (WITH, TABLESPACE, NULLS [NOT] DISTINCT)."""
        index = tree.this if isinstance(tree, exp.Create) else None
        if not isinstance(index, exp.Index) or index.args.get("table") is None:
            self.refused(file, stmt)
            raise Syntax("not an index statement sqlglot can read", s.peek())
        unique = bool(tree.args.get("unique"))
        name = ddl_ast.ident(index.this, self.rules) if index.this is not None else None
        ns, tname = ddl_ast.qname(index.args["table"], self.rules)
        t = self.table(ns, tname)
        if t is None:
            if any(v.name == tname for v in self.views):
                v = next(v for v in self.views if v.name == tname)
                self.views[self.views.index(v)] = View(**{**v.__dict__, "extra_sql": v.extra_sql + (
                    (self.rules.name, stmt.text),)})
                return None
            return self.keep(file, stmt, f"index on {tname}, which these files do not create")
        params = index.args.get("params") or exp.IndexParameters()
        using = params.args.get("using")
        method = using.name.lower() if using is not None else "btree"
        include = tuple(ddl_ast.ident(c, self.rules) for c in params.args.get("include") or ())
        while not s.is_("("):  # the header, read from the tree above
            s.next()
        parts = self.index_parts(file, stmt, s, t)
        if len(parts) != len(params.args.get("columns") or ()):
            raise Syntax("the key list does not read as sqlglot reads it", s.items[0])
        where = None
        while not s.at_end():
            it = s.peek()
            if s.accept("INCLUDE"):
                s.paren_range()
            elif s.accept("WHERE"):
                where = self.expr(s.raw(s.i, len(s.items)))
                s.i = len(s.items)
            elif s.accept("USING"):  # MySQL: after the key list (sqlglot's grammar has it before)
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
                self.note(file, stmt, it, f"index option {one_line(s.raw(x, len(s.items)))[:60]!r} is not "
                          "represented")
        if method not in ("btree", "hash", "gin", "gist", "brin", "spgist"):
            return self.keep(file, stmt, f"index method {method} is not one the model knows")
        if name is None:
            name = self.rules.names.index(t.name, [p.column for p in parts])
        index = Index(name, tuple(parts), unique=unique, method=method, where=where, include=include,
                      origin=Origin(file, stmt.line, 1))
        self.store(replace(t, indexes=t.indexes + (index,)))
        return None

    # -- schemas, extensions, sequences, enum types ----------------------------------------------
    def create_schema(self, file, stmt, s: Stream, kind: str) -> None:
        """CREATE SCHEMA or EXTENSION (with options, sqlglot gives a Command: the tokens are read)."""
        s.expect(kind)
        s.accept("IF", "NOT", "EXISTS")
        name = s.ident()
        names = self.schemas if kind == "SCHEMA" else self.extensions
        if name not in names and not (kind == "SCHEMA" and name == "public"):
            names.append(name)
        if not s.at_end():
            what = "AUTHORIZATION ..." if kind == "SCHEMA" else "SCHEMA, VERSION"
            self.note(file, stmt, s.peek(), f"CREATE {kind} options ({what}) are not kept")

    def create_sequence(self, file, stmt, s: Stream, tree: exp.Create) -> None:
        ns, name = ddl_ast.qname(tree.this, self.rules)
        while not s.accept("SEQUENCE"):
            s.next()
        s.accept("IF", "NOT", "EXISTS")
        s.qname()
        opts = s.raw(s.i, len(s.items)).strip()  # the author's text: compared with a serial's own sequence
        self.sequences[f"{self.ns(ns)}.{name}"] = {"stmt": stmt, "file": file, "owned": None, "options": opts,
                                                  "used": False}

    def create_enum(self, file, stmt, tree: exp.Create) -> None:
        ns, name = ddl_ast.qname(tree.this, self.rules)
        key = f"{self.ns(ns)}.{name}"
        self.enum_types[key] = tuple(v.this for v in tree.expression.expressions)  # columns name it as enum_type
        self.enum_statements[key] = (file, stmt)

    # -- views, routines, policies -----------------------------------------------------------------
    def create_view(self, file, stmt) -> None:
        try:
            head = sqlfile.parse_view(stmt, file)
        except LoadError:
            return self.keep(file, stmt, "view statement not understood")
        ns = self.ns(head.namespace)
        self.views.append(View(name=head.name, definitions=((self.rules.name, self.own_names(head.query, ns)),),
                               namespace=ns, materialized=head.materialized, columns=head.columns,
                               algorithm=head.algorithm, check_option=head.check_option,
                               origin=Origin(file, stmt.line, 1), **self.rules.view_fields(head.security)))
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
            language=h.language, body=h.body, sql=stmt.text + ";", dialect=self.rules.name, kind=h.kind,
            security_definer=h.security_definer, search_path=h.search_path, options=h.options,
            origin=Origin(file, stmt.line, 1)))
        return None

    def create_trigger(self, file, stmt) -> None:
        try:
            h = sqlfile.parse_trigger(stmt, file)
        except LoadError:
            return self.keep(file, stmt, "trigger statement not understood")
        if self.table(h.namespace, h.table) is None:
            return self.keep(file, stmt, f"trigger on {h.table}, which these files do not create")
        self.triggers.append(Trigger(name=h.name, table=h.table, namespace=h.namespace or self.namespace,
                                     sql=stmt.text + ";", dialect=self.rules.name, timing=h.timing, events=h.events,
                                     function=h.function, origin=Origin(file, stmt.line, 1)))
        return None

