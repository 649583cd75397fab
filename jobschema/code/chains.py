"""Query-builder calls, the same shape in every language the extractors read: a Supabase client's
``.from('t')`` / ``.table('t')`` chain (``.select('a, b')``, ``.insert({...})``, ``.update``, ``.upsert``,
``.eq/.neq/.in/.match/.filter``), Knex's ``knex('t').where({...})``, and filter objects
``{ column: 'status', operator: 'eq', value: 'queued' }`` under an object naming their ``table``.

The walk is written once; a ``Kinds`` names each language's node types (``call_expression`` or ``call``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import params
from . import uses as u
from .source import Source

TABLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)?$")
TABLE_METHODS = frozenset({"from", "table", "into"})

WRITE_METHODS = frozenset({"insert", "upsert", "update"})
VALUE_FILTERS = frozenset({"eq", "neq", "where", "andWhere", "orWhere", "whereNot", "andWhereNot", "orWhereNot"})
IN_FILTERS = frozenset({"in", "whereIn", "whereNotIn", "orWhereIn", "orWhereNotIn", "andWhereIn"})
OP_FILTERS = frozenset({"filter", "not"})
COLUMN_ONLY = frozenset({"gt", "gte", "lt", "lte", "like", "ilike", "is", "contains", "containedBy", "overlaps",
                         "textSearch", "whereNull", "whereNotNull", "orWhereNull", "whereLike", "whereILike",
                         "order", "orderBy", "groupBy", "pluck", "increment", "decrement", "max", "min", "sum",
                         "avg", "count", "rangeGt", "rangeLt"})
COLUMN_LISTS = frozenset({"select", "first", "returning", "column", "columns", "distinct"})
KNEX_METHODS = WRITE_METHODS | VALUE_FILTERS | IN_FILTERS | COLUMN_LISTS | frozenset(
    {"whereNull", "whereNotNull", "del", "delete", "orderBy", "count", "increment", "decrement", "pluck",
     "whereBetween", "join", "leftJoin", "limit", "truncate", "onConflict", "merge"})

# Bytes every use the walks read needs somewhere in its file, whatever the language (``markers``): a table
# call's ``.from``/``.table``/``.into`` or a query method after ``knex('t')``, a filter object's ``column``
# key, a string that starts with a SQL verb (any whitespace, or non-ASCII that may be whitespace, before
# it), a suppression comment. A file with none of them holds nothing to read, and is not parsed.
_SQL_VERBS = "select|insert|update|delete|with|SELECT|INSERT|UPDATE|DELETE|WITH"


def markers(*more: str) -> re.Pattern[bytes]:
    """The marker pattern of a language: the shared markers and ``more`` (its value-set keywords)."""
    methods = "|".join(sorted(TABLE_METHODS | KNEX_METHODS))
    alternatives = [rf"\.\s*(?:{methods})\b", r"\bcolumn\b",
                    rf"""['"`][\s\x1c-\x1f\x80-\xff(]*(?:{_SQL_VERBS})\b""", r"(?i:jobschema)", *more]
    return re.compile("|".join(alternatives).encode())


EQUALS = frozenset({"eq", "=", "neq", "<>", "!=", "in", "is"})
MEMBER = re.compile(r"^[A-Za-z_$][\w$]*\.[A-Za-z_$][\w$]*(\.value)?$")
SPREADS = frozenset({"spread_element", "dictionary_splat"})  # ``{...row}``, ``{**row}``


@dataclass(frozen=True)
class Kinds:
    call: str
    member: str
    member_object: str
    member_property: str
    identifier: str
    strings: frozenset[str]
    objects: frozenset[str]
    arrays: frozenset[str]
    pair: str
    shorthand: frozenset[str]
    keys: frozenset[str]  # node types a literal object key can have
    or_nodes: frozenset[str]  # ``a || b``, ``a ?? b``, ``a or b``
    or_operators: frozenset[str]
    ternary: str
    wrappers: frozenset[str]  # parentheses, ``x as T``, ``x satisfies T``, ``await``: the value inside
    constants: frozenset[str]  # null, true, numbers: not a string value, not unresolved either
    grammar: params.Grammar  # functions, parameters and calls, to follow a value through a parameter


class Chains:
    """Finds the uses of one file; ``literal(node)`` is the language's string-literal reader (value or None)
    and ``sql(node)`` hands a string literal that holds SQL to the SQL reader."""

    def __init__(self, src: Source, kinds: Kinds, literal, out: u.Extraction):
        self.src, self.k, self.literal, self.out = src, kinds, literal, out
        self.calls: dict[str, list] | None = None  # direct calls by function name (params.values)

    # ------------------------------------------------------------------------------------- values

    def values(self, node, seen: frozenset = frozenset()) -> tuple[list[tuple[str, u.Site]], bool]:
        """The string literals that may flow out of ``node`` and whether something else may too; ``seen``
        holds the (function, parameter) already followed, so recursion through calls ends."""
        k = self.k
        if node is None:
            return [], False
        if node.type in k.wrappers:
            inner = [c for c in node.named_children if c.type not in ("type_annotation", "comment")]
            return self.values(inner[0], seen) if inner else ([], False)
        if node.type in k.strings:
            v = self.literal(node)
            return ([(v, self.src.site(node))], False) if v is not None else ([], True)
        if node.type in k.constants:
            return [], False
        if node.type == k.member and MEMBER.match(self.src.text(node)):  # JobStatus.Queued, Status.QUEUED.value
            name = self.src.text(node).removesuffix(".value")
            return [(u.SYMBOL + name, self.src.site(node))], False
        if node.type == k.identifier or node.type in k.shorthand:  # a parameter: what the file's calls pass
            through = params.values(self, node, k.grammar, seen)
            if through is not None:
                return through
        if node.type in k.or_nodes:
            op = node.child_by_field_name("operator")
            if op is not None and self.src.text(op) in k.or_operators:
                a, ua = self.values(node.child_by_field_name("left"), seen)
                b, ub = self.values(node.child_by_field_name("right"), seen)
                return a + b, ua or ub
        if node.type == k.ternary:
            parts = [node.child_by_field_name("consequence"), node.child_by_field_name("alternative")]
            if parts[0] is None:  # Python: ``a if cond else b``
                named = node.named_children
                parts = [named[0], named[-1]] if len(named) == 3 else []
            found, unresolved = [], False
            for p in parts:
                f, x = self.values(p, seen)
                found += f
                unresolved = unresolved or x
            return found, unresolved
        return [], True

    def _key(self, pair) -> tuple[str | None, object]:
        key = pair.child_by_field_name("key")
        if key is None:
            return None, None
        if key.type in self.k.strings:
            return self.literal(key), key
        if key.type in self.k.keys:
            return self.src.text(key), key
        return None, key

    def _pairs(self, obj):
        for child in obj.named_children:
            if child.type == self.k.pair:
                name, key = self._key(child)
                if name is not None:
                    yield name, key, child.child_by_field_name("value")
            elif child.type in self.k.shorthand:  # ``{ status }``: a value from the variable of that name
                yield self.src.text(child), child, child

    def _emit(self, kind, table, column, at, value, via, present=True) -> None:
        found, unresolved = self.values(value) if present else ([], False)
        for v, site in found:
            self.out.uses.append(u.value_use(kind, table, site, column, v, via))
        if unresolved or not found:
            self.out.uses.append(u.Use(kind, table, self.src.site(at), column=column,
                                       unresolved=unresolved or (present and value is None), via=via))

    # ------------------------------------------------------------------------------------- chains

    def table_call(self, call, method: str, arg) -> None:
        """``<receiver>.from('t')`` (method in TABLE_METHODS) or ``knex('t')`` (method ""), then its chain."""
        name = self.literal(arg)
        if name is None or not TABLE_NAME.match(name):
            return
        function = call.child_by_field_name("function")
        if method:
            receiver = function.child_by_field_name(self.k.member_object)
            if receiver is not None and receiver.type == self.k.identifier and self.src.text(receiver)[:1].isupper():
                return  # Array.from('x'), Buffer.from('x'): not a query
        chain = list(self._chain(call))
        if not method and not any(m in KNEX_METHODS for m, _c, _a in chain):
            return  # t('key'), i18n and the like: a call with a string, but no query after it
        self.out.uses.append(u.Use(u.TABLE, name, self.src.site(arg), via=f".{method or 'call'}()"))
        for m, _c, args in chain:
            self._method(name, m, args)

    def _chain(self, call):
        k = self.k
        node = call
        while True:
            member = node.parent
            if member is None or member.type != k.member or member.child_by_field_name(k.member_object) != node:
                return
            outer = member.parent
            if outer is None or outer.type != k.call or outer.child_by_field_name("function") != member:
                return
            prop = member.child_by_field_name(k.member_property)
            args = outer.child_by_field_name("arguments")
            yield self.src.text(prop), outer, [a for a in (args.named_children if args else [])
                                               if a.type != "comment"]
            node = outer

    def _method(self, table: str, m: str, args: list) -> None:
        k = self.k
        via = f".{m}()"
        first = args[0] if args else None
        if m in WRITE_METHODS and first is not None:
            rows = first.named_children if first.type in k.arrays else [first]
            for row in rows:
                if row.type in k.objects:
                    for col, at, value in self._pairs(row):
                        self._emit(u.WRITE, table, col, at, value, via)
                    for spread in (c for c in row.named_children if c.type in SPREADS):  # ``{...job}``: unseen
                        self.out.uses.append(u.Use(u.WRITE, table, self.src.site(spread), unresolved=True, via=via))
                elif row.type != "comment":  # a row built elsewhere: its columns and values are not seen
                    self.out.uses.append(u.Use(u.WRITE, table, self.src.site(row), unresolved=True, via=via))
            return
        if first is not None and first.type in k.objects and (m in VALUE_FILTERS or m == "match"):
            for col, at, value in self._pairs(first):
                self._emit(u.FILTER, table, col, at, value, via)
            return
        col = self.literal(first) if first is not None and first.type in k.strings else None
        if m in COLUMN_LISTS:
            for a in args:
                if a.type in k.strings:
                    self._column_list(table, a, via)
            return
        if col is None:
            return
        if m in VALUE_FILTERS and len(args) == 2:
            self._emit(u.FILTER, table, col, first, args[1], via)
        elif m in VALUE_FILTERS and len(args) == 3:
            op = self.literal(args[1]) if args[1].type in k.strings else None
            self._emit(u.FILTER, table, col, first, args[2], via, present=op in EQUALS)
        elif m in IN_FILTERS and len(args) >= 2:
            self._in_values(table, col, first, args[1], via)
        elif m in OP_FILTERS and len(args) >= 3:
            op = self.literal(args[1]) if args[1].type in k.strings else None
            if op == "in":
                self._postgrest_list(table, col, first, args[2], via)
            else:
                self._emit(u.FILTER, table, col, first, args[2], via, present=op in EQUALS)
        elif m in COLUMN_ONLY or m in VALUE_FILTERS or m in IN_FILTERS or m in OP_FILTERS:
            self.out.uses.append(u.Use(u.READ, table, self.src.site(first), column=col, via=via))

    def _in_values(self, table, col, at, values, via) -> None:
        if values.type in self.k.arrays:
            items = [x for x in values.named_children if x.type != "comment"]
            for item in items:
                self._emit(u.FILTER, table, col, at, item, via)
            if not items:
                self.out.uses.append(u.Use(u.FILTER, table, self.src.site(at), column=col, via=via))
        else:
            self._emit(u.FILTER, table, col, at, values, via)

    def _postgrest_list(self, table, col, at, node, via) -> None:
        """``.filter('status', 'in', '("a","b")')``: PostgREST's list syntax inside one string."""
        text = self.literal(node) if node.type in self.k.strings else None
        if text is None:
            self._emit(u.FILTER, table, col, at, node, via)
            return
        inner = text.strip()
        if inner.startswith("(") and inner.endswith(")"):
            inner = inner[1:-1]
        for part in inner.split(","):
            v = part.strip().strip('"')
            if v:
                self.out.uses.append(u.Use(u.FILTER, table, self.src.site(node), column=col, value=v, via=via))

    def _column_list(self, table: str, node, via: str) -> None:
        """``'id, name, status'``: each top-level column of a select list (embedded resources ``rel(...)``
        and ``*`` are not columns of this table)."""
        text = self.literal(node)
        if text is None:
            return
        raw = self.src.text(node)
        depth, start = 0, 0
        for i, ch in enumerate(text + ","):
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
            elif ch == "," and depth == 0:
                item = text[start:i]
                start = i + 1
                name = item.strip()
                if not name or "(" in name or "*" in name:
                    continue
                name = name.split(":")[-1].split("::")[0].split("->")[0].strip().strip('"')
                if not name or not TABLE_NAME.match(name) or name.count("."):
                    continue
                found = raw.find(item.strip(), 1)
                offset = found + item.strip().rfind(name) if found >= 0 else 0
                site = self.src.site_at(self.src.byte_of(node.start_byte, raw, offset))
                self.out.uses.append(u.Use(u.READ, table, site, column=name, via=via))

    # ------------------------------------------------------------------------------------- filter objects

    def filter_object(self, obj) -> None:
        """``{ column: 'status', operator: 'eq', value: 'queued' }`` under an object whose ``table`` is a literal."""
        pairs = {name: (at, value) for name, at, value in self._pairs(obj)}
        col_node = pairs.get("column", (None, None))[1]
        if col_node is None or "value" not in pairs or col_node.type not in self.k.strings:
            return
        col = self.literal(col_node)
        if col is None:
            return
        op_node = pairs.get("operator", pairs.get("op", (None, None)))[1]
        op = self.literal(op_node) if op_node is not None and op_node.type in self.k.strings else "eq"
        table = self._enclosing_table(obj)
        value = pairs["value"][1]
        if table is None:
            self.out.uses.append(u.Use(u.FILTER, "", self.src.site(col_node), column=col,
                                       unresolved=True, via="filter object"))
            return
        self.out.uses.append(u.Use(u.TABLE, table, self.src.site(col_node), via="filter object"))
        if op == "in" and value is not None and value.type in self.k.arrays:
            self._in_values(table, col, col_node, value, "filter object")
        else:
            self._emit(u.FILTER, table, col, col_node, value, "filter object", present=op in EQUALS)

    def _enclosing_table(self, node) -> str | None:
        p = node.parent
        for _ in range(8):
            if p is None:
                return None
            if p.type in self.k.objects:
                for name, _at, value in self._pairs(p):
                    if name == "table" and value is not None and value.type in self.k.strings:
                        t = self.literal(value)
                        return t if t and TABLE_NAME.match(t) else None
            p = p.parent
        return None
