"""``CREATE TABLE`` as the importer reads it: sqlglot's tree says what each element of the column list is
(``exp.ColumnDef`` or a table constraint) and what each column constraint is; the tokens of the same element,
walked in step, give the author's text of types, DEFAULTs, CHECKs and generated expressions."""

from __future__ import annotations

from sqlglot import exp

from ..dialects import ddl_ast
from ..dialects.ddl_rules import NOW_RE
from ..dialects.ddl_tokens import Stream, Syntax
from ..errors import LoadError
from ..model.objects import Check, Origin, PrimaryKey, Sql, Table, UniqueKey
from ..model.types import NativeType
from .ddl_builders import COLUMN_STOPS, Draft, TypeInfo, default_sequence_options, typed
from .ddl_result import Note, one_line

_COLUMN_CONSTRAINTS = (exp.ColumnDef, exp.Constraint, exp.PrimaryKey, exp.UniqueColumnConstraint, exp.ForeignKey,
                       exp.CheckColumnConstraint, exp.IndexColumnConstraint, exp.ExcludeColumnConstraint,
                       exp.LikeProperty)


class TableReader:
    """Part of ``ddl_read.Importer``: CREATE TABLE, its columns and its options."""

    def create_table(self, file, stmt, s: Stream, tree: exp.Create) -> None:
        while not s.accept("TABLE"):
            it = s.next()
            if it.up in ("TEMP", "TEMPORARY", "UNLOGGED"):
                return self.keep(file, stmt, f"{it.up} tables are not part of a schema jobschema manages")
        s.accept("IF", "NOT", "EXISTS")
        body = tree.this
        ns, name = ddl_ast.qname(body, self.rules)
        s.qname()
        if not isinstance(body, exp.Schema) or not s.is_("("):
            return self.keep(file, stmt, "CREATE TABLE without a column list (AS, OF, PARTITION OF, LIKE) is not "
                             "represented")
        key = (self.ns(ns), name)
        if key in self.tables:
            raise LoadError(f"table {key[0]}.{name} is created twice", file, stmt.line, 1)
        t = Draft(Table(name, (), key[0], origin=Origin(file, stmt.line, 1)))
        a, b = s.paren_range()
        ranges = s.split_commas(a, b)
        for x, y in ranges:
            if x == y:
                raise Syntax("empty element in the column list", s.items[x])
        elements = body.expressions
        if len(elements) != len(ranges) or not all(isinstance(e, _COLUMN_CONSTRAINTS) for e in elements):
            raise Syntax("the column list does not read as columns and constraints", s.items[a - 1])
        for (x, y), element in zip(ranges, elements, strict=True):
            sub = s.sub(x, y)
            if isinstance(element, exp.ColumnDef):
                self.column(file, stmt, sub, t, element)
            else:
                self.table_constraint(file, stmt, sub, t, element)
        self.table_options(file, stmt, s, t)
        self.tables[key] = t.table
        return None

    def table_options(self, file, stmt, s: Stream, t: Draft) -> None:
        """What follows the column list (sqlglot's ``Properties``); MySQL's are read here, the rest noted."""
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
                    t.set(mysql_charset=s.next().text.lower())
                elif s.accept("COLLATE"):
                    s.accept("=")
                    t.set(mysql_collation=s.next().text.lower())
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
                a = s.i
                s.i = len(s.items)
                self.note(file, stmt, it, f"table option {one_line(s.raw(a, len(s.items)))[:80]!r} of {t.name} "
                          "is not represented")
                return

    # -- columns ---------------------------------------------------------------------------------
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

    def column_type(self, s: Stream, name: str, at) -> TypeInfo:
        """The column's type, read from the author's text (sqlglot's ``DataType`` forgets spellings the type
        map needs: ``int unsigned``, ``tinyint(1)``, ``character varying``)."""
        a, b = self.type_span(s)
        raw_type = s.raw(a, b)
        if not raw_type:
            raise Syntax(f"column {name} has no type", at)
        lowered = " ".join(raw_type.lower().split())
        info = self.enum_column_type(s, a, b) if self.rules.enum_types else None
        if self.rules.enum_types and info is None:
            key = lowered.strip('"')
            for qual in (f"{self.namespace}.{key}", f"public.{key}", key if "." in key else None):
                if qual and qual in self.enum_types:
                    info = TypeInfo("text", None, self.enum_types[qual])
        return info if info is not None else self.rules.logical_type(raw_type)

    def column(self, file, stmt, s: Stream, t: Draft, cd: exp.ColumnDef) -> None:
        first = s.peek()
        name = ddl_ast.ident(cd.this, self.rules)
        s.next()
        info = self.column_type(s, name, first)
        col: dict = {"origin": Origin(file, stmt.line + first.line - 1, first.col)}  # the Column's fields
        for cc in cd.args.get("constraints") or ():
            self.visible(file, stmt, s, t, name)
            cname = None
            if cc.this is not None:
                s.expect("CONSTRAINT")
                s.next()
                cname = ddl_ast.ident(cc.this, self.rules)
            it = s.peek()
            if it is None:
                raise Syntax(f"unexpected end of the definition of column {name}", s.items[-1])
            handler = _CLAUSES.get(type(cc.args.get("kind")))
            if handler is None:
                raise Syntax(f"unexpected {it.text!r} in the definition of column {name}", it)
            handler(self, file, stmt, s, t, name, cname, col, info, cc.args.get("kind"))
        self.visible(file, stmt, s, t, name)
        if not s.at_end():
            it = s.peek()
            raise Syntax(f"unexpected {it.text!r} in the definition of column {name}", it)
        t.add("columns", typed(name, info, self.rules.name, t.namespace, **col))

    # one reader per column constraint class sqlglot returns; each consumes the clause's tokens
    def _null(self, file, stmt, s, t, name, cname, col, info, kind) -> None:
        if kind.args.get("allow_null"):
            s.expect("NULL")
            col["nullable"] = True
        else:
            s.expect("NOT", "NULL")
            col["nullable"] = False

    def _default(self, file, stmt, s, t, name, cname, col, info, kind) -> None:
        s.expect("DEFAULT")
        x, y = s.until((COLUMN_STOPS - {"NULL", "CHARACTER", "AS", "KEY"}) | {"NOT"})
        col["default"] = self.default(s.raw(x, y), info)

    def _primary_key(self, file, stmt, s, t, name, cname, col, info, kind) -> None:
        it = s.peek()
        origin = Origin(file, stmt.line + it.line - 1, it.col)
        if s.accept("PRIMARY", "KEY"):
            t.set(primary_key=PrimaryKey((name,), cname, origin))
            col["nullable"] = False
        else:
            s.expect("KEY")
            t.set(primary_key=PrimaryKey((name,), None, origin))

    def _unique(self, file, stmt, s, t, name, cname, col, info, kind) -> None:
        it = s.peek()
        s.expect("UNIQUE")
        s.accept("KEY")
        nnd = s.accept("NULLS", "NOT", "DISTINCT")
        s.accept("NULLS", "DISTINCT")
        uname = cname or self.rules.inline_unique_name(t.name, name)
        t.add("uniques", UniqueKey(uname, (name,), nnd, Origin(file, stmt.line + it.line - 1, it.col)))

    def _references(self, file, stmt, s, t, name, cname, col, info, kind) -> None:
        self.references(file, stmt, s, t, (name,), cname, s.peek(), kind)

    def _check(self, file, stmt, s, t, name, cname, col, info, kind) -> None:
        it = s.peek()
        s.expect("CHECK")
        text = s.paren_text()
        no_inherit = s.accept("NO", "INHERIT")
        ck = cname or self.rules.inline_check_name(t.name, name)
        t.add("checks", Check(self.unique_name(t, ck), self.expr(text), no_inherit=no_inherit,
                              origin=Origin(file, stmt.line + it.line - 1, it.col)))

    def _identity(self, file, stmt, s, t, name, cname, col, info, kind) -> None:
        it = s.peek()
        s.expect("GENERATED")
        col["identity"] = "always" if s.accept("ALWAYS") else "by default"
        if col["identity"] == "by default":
            s.expect("BY", "DEFAULT")
        s.expect("AS", "IDENTITY")
        col["nullable"] = False  # identity columns are NOT NULL
        if s.is_("("):
            opts = s.paren_text()
            if not default_sequence_options(opts):
                self.note(file, stmt, it, f"identity options of {t.name}.{name} ({one_line(opts)}) are not kept")

    def _generated(self, file, stmt, s, t, name, cname, col, info, kind) -> None:
        it = s.peek()
        if s.accept("GENERATED"):
            s.expect("ALWAYS")
        s.expect("AS")
        col["generated"] = self.expr(s.paren_text())
        if s.accept("VIRTUAL"):
            self.note(file, stmt, it, f"{t.name}.{name} is VIRTUAL; the model's generated columns are STORED")
        s.accept("STORED")

    def _collate(self, file, stmt, s, t, name, cname, col, info, kind) -> None:
        it = s.peek()
        s.expect("COLLATE")
        kept, coll = self.rules.collation(s)
        if kept is not None:
            col[self.rules.collation_key] = kept
        else:
            self.note(file, stmt, it, f"collation {coll} of {t.name}.{name} is not kept (MySQL columns use the "
                      "table collation)")

    def _comment(self, file, stmt, s, t, name, cname, col, info, kind) -> None:
        s.expect("COMMENT")
        c = s.next()
        if c.kind != "str":
            raise Syntax("expected a string after COMMENT", c)
        col["comment"] = c.text

    def _auto_increment(self, file, stmt, s, t, name, cname, col, info, kind) -> None:
        s.expect("AUTO_INCREMENT")
        col["identity"] = "by default"

    def _on_update(self, file, stmt, s, t, name, cname, col, info, kind) -> None:
        if not self.rules.on_update:
            raise Syntax(f"unexpected 'ON' in the definition of column {name}", s.peek())
        s.expect("ON", "UPDATE")
        x, y = s.until(COLUMN_STOPS - {"NULL", "CHARACTER"})
        raw = s.raw(x, y).strip()
        col["on_update"] = Sql("now()") if NOW_RE.match(raw) else self.rules.expr(raw)

    def _charset(self, file, stmt, s, t, name, cname, col, info, kind) -> None:
        if not s.accept("CHARACTER", "SET"):
            s.expect("CHARSET")
        col["mysql_charset"] = s.next().text.lower()

    def _visibility(self, file, stmt, s, t, name, cname, col, info, kind) -> None:
        it = s.next()
        self.note(file, stmt, it, f"{it.up} on {t.name}.{name} is not represented")

    def visible(self, file, stmt, s, t, name) -> None:
        """MySQL's VISIBLE, which the bridge hides from sqlglot: noted like INVISIBLE."""
        while s.is_("VISIBLE"):
            self._visibility(file, stmt, s, t, name, None, None, None, None)

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

    def default(self, raw: str, native: NativeType):
        raw = raw.strip()
        items = self.lex(raw)
        if len(items) == 1 and items[0].up == "NULL":
            return None
        return self.rules.default(raw, native, items)


_CLAUSES = {
    exp.NotNullColumnConstraint: TableReader._null,
    exp.DefaultColumnConstraint: TableReader._default,
    exp.PrimaryKeyColumnConstraint: TableReader._primary_key,
    exp.UniqueColumnConstraint: TableReader._unique,
    exp.Reference: TableReader._references,
    exp.CheckColumnConstraint: TableReader._check,
    exp.GeneratedAsIdentityColumnConstraint: TableReader._identity,
    exp.ComputedColumnConstraint: TableReader._generated,
    exp.CollateColumnConstraint: TableReader._collate,
    exp.CommentColumnConstraint: TableReader._comment,
    exp.AutoIncrementColumnConstraint: TableReader._auto_increment,
    exp.OnUpdateColumnConstraint: TableReader._on_update,
    exp.CharacterSetColumnConstraint: TableReader._charset,
    exp.InvisibleColumnConstraint: TableReader._visibility,
}
