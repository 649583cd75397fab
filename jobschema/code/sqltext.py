"""SQL found in string and template literals, read with sqlglot in the module's dialect.

The text is parsed as written; only what stands for a value the program supplies is replaced before
parsing — template substitutions (``${x}``, f-string fields) and driver placeholders (``%s``,
``%(name)s``) — by named placeholders, and a map keeps every offset pointing into the original
literal, so a value is reported at its own line and column in the file.

Services repeat their SQL with other values (``WHERE status = 'queued'`` here, ``'failed'`` there), and
parsing is what costs: a statement is read once per shape. sqlglot's tokenizer finds the plain string
literals, their contents are masked (same length, so every offset stays), and the uses found in the
masked statement are kept as records whose string values are read back from each text's own tokens.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from . import uses as u
from .source import Source

_SQL_START = re.compile(r"^\s*(?:\(\s*)?(select|insert|update|delete|with|SELECT|INSERT|UPDATE|DELETE|WITH)\b")
_NEEDS = {"select": "from", "insert": "into", "update": "set", "delete": "from", "with": "as"}
_CLAUSE = {word: re.compile(rf"\b{word}\b") for need in _NEEDS.values() for word in (need, need.upper())}
_DRIVER_PARAM = re.compile(r"%%|%\((\w+)\)s|%s")
_CACHE_SIZE = 4096  # entries per cache; cleared when full (a file's statements are read together)


def looks_like_sql(text: str) -> bool:
    """A statement starts the text and has the clause its verb needs, keywords in one case as SQL is
    written ("Select a file from the list" is a sentence, not SQL)."""
    m = _SQL_START.match(text)
    if not m:
        return False
    verb = m.group(1)
    need = _NEEDS[verb.lower()]
    return _CLAUSE[need if verb.islower() else need.upper()].search(text, m.end()) is not None


@dataclass
class SqlString:
    """A literal's text as it stands in the file, where its first character is, and its holes: the
    (start, end, node) character spans of template substitutions. Text joined from several pieces
    (``'UPDATE t ' + "SET s = 'x'"``) has ``anchors``: the (offset in text, byte in file) of each piece."""

    text: str
    start_byte: int
    holes: list[tuple[int, int, object]] = field(default_factory=list)
    anchors: list[tuple[int, int]] = field(default_factory=list)

    def byte(self, offset: int) -> int:
        """The byte in the file where character ``offset`` of the text stands."""
        at, byte = 0, self.start_byte
        for a, b in self.anchors:
            if a > offset:
                break
            at, byte = a, b
        return byte + len(self.text[at:offset].encode("utf-8"))


# A piece of a joined string: its text as in the file, its first byte, its holes (character spans in it).
# An operand that is not a literal is a piece that is one hole.
Piece = tuple[str, int, list[tuple[int, int, object]]]


def joined(pieces: list[Piece]) -> SqlString:
    """One ``SqlString`` of the pieces of a concatenation, each character still pointing into the file."""
    text, holes, anchors, at = [], [], [], 0
    for content, start, inner in pieces:
        anchors.append((at, start))
        holes += [(at + a, at + b, n) for a, b, n in inner]
        text.append(content)
        at += len(content)
    return SqlString("".join(text), pieces[0][1] if pieces else 0, holes, anchors)


# what a placeholder stands for: ("hole", node), ("pos", index) or ("name", name)
Resolver = Callable[[tuple], tuple[list[tuple[str, u.Site]], bool]]


class _Prepared:
    def __init__(self, s: SqlString):
        self.params: dict[str, tuple] = {}
        self.segments: list[tuple[int, int]] = [(0, 0)]  # (offset in new text, offset in original)
        out: list[str] = []
        new = old = 0
        cuts: list[tuple[int, int, tuple | None]] = [(a, b, ("hole", n)) for a, b, n in s.holes]
        if not s.holes and "%" in s.text:  # driver placeholders only in plain strings (a template builds its own)
            pos = 0
            for m in _DRIVER_PARAM.finditer(s.text):
                if m.group(0) == "%%":
                    cuts.append((m.start(), m.end(), None))
                else:
                    cuts.append((m.start(), m.end(), ("name", m.group(1)) if m.group(1) else ("pos", pos)))
                    pos += m.group(1) is None
        for a, b, ref in sorted(cuts, key=lambda c: c[0]):
            out.append(s.text[old:a])
            new += a - old
            if ref is None:
                rep = "%"
            else:
                rep = f":jsp{len(self.params)}"
                self.params[rep[1:]] = ref
            out.append(rep)
            new += len(rep)
            old = b
            self.segments.append((new, old))
        out.append(s.text[old:])
        self.text = "".join(out)

    def original(self, offset: int) -> int:
        best = (0, 0)
        for seg in self.segments:
            if seg[0] <= offset:
                best = seg
            else:
                break
        return best[1] + (offset - best[0])


# What a statement yields, independent of the literal contents and the program's values, so one shape's
# records serve every text of that shape. Offsets are into the prepared text; None stands for its start.
#   ("skip", at, reason)
#   ("use", kind, table, column, at, value, via, others) where value is
#       None (no value), ("lit", start, text) a string literal (its text from the tokens at ``start``, else
#       ``text``), ("const",) a NULL, boolean or number, ("any",) not a literal: unresolved,
#       ("hole", name, literal) a placeholder, alone or as a whole string literal ('{x}' in an f-string)
Record = tuple


class _Unmasked(Exception):
    """A string value in the masked statement cannot be traced to its token: read the text as written."""


_exact: dict[tuple[str, str], tuple[list[Record], dict[int, str]] | str] = {}
_shapes: dict[tuple[str, str], list[Record] | None] = {}
_confirmed: dict[tuple[str, str], list[Record]] = {}
_QUOTED = re.compile(r"'[^'\\]*'")


def _bounded(cache: dict) -> dict:
    if len(cache) >= _CACHE_SIZE:
        cache.clear()
    return cache


def warm(dialect: str) -> None:
    """Import sqlglot and read one statement in ``dialect`` (before worker processes fork, so they share it)."""
    _parse("SELECT 1 FROM t", dialect)


def _parse(text: str, dialect: str):
    """The statements of ``text``, or the reason sqlglot gives for not reading it."""
    import sqlglot

    try:
        return [x for x in sqlglot.parse(text, read=dialect) if x is not None], None
    except Exception as exc:  # sqlglot raises ParseError, TokenError and others on what it cannot read
        return [], " ".join((str(exc).splitlines() or [type(exc).__name__])[0].split())[:160]


def _masked(text: str, dialect: str) -> tuple[str, dict[int, str]] | None:
    """``text`` with the contents of its plain string literals masked, and those literals' values by start
    offset; None when sqlglot's tokenizer cannot read it (the parse then says why)."""
    import sqlglot
    from sqlglot.tokens import TokenType

    try:
        tokens = sqlglot.Dialect.get_or_raise(dialect).tokenize(text)
    except Exception:  # TokenError and the like: the parse of the text as written reports it
        return None
    parts, literals, last = [], {}, 0
    for t in tokens:
        if t.token_type != TokenType.STRING or ":jsp" in t.text:
            continue
        a, b = t.start + 1, t.end  # the contents, between the quotes
        if text[a - 1] not in "'\"" or text[a:b] != t.text:  # escapes: the contents stay in the key
            continue
        parts += [text[last:a], "x" * (b - a)]
        literals[t.start] = t.text
        last = b
    parts.append(text[last:])
    return "".join(parts), literals


def _records(text: str, dialect: str, params: set[str]) -> tuple[list[Record], dict[int, str]] | str:
    """The records of the prepared ``text`` with the values of its masked literals, or why sqlglot cannot
    read it."""
    masked = _masked(text, dialect)
    if masked is not None and masked[1]:
        key = (masked[0], dialect)
        if key not in _shapes:
            statements, problem = _parse(masked[0], dialect)
            try:
                found = None if problem else _analyse(statements, params, set(masked[1]))
            except _Unmasked:
                found = None
            _bounded(_shapes)[key] = found
        if _shapes[key] is not None:
            return _shapes[key], masked[1]
    statements, problem = _parse(text, dialect)
    if problem is not None:
        return problem
    return _analyse(statements, params, set()), {}


def _quoted(text: str) -> tuple[str, dict[int, str]] | None:
    """``_masked`` without the tokenizer, for a text whose quote pairs hold no quote, backslash or
    placeholder; it serves only a shape the tokenizer has confirmed (``_confirmed``)."""
    parts, literals, last = [], {}, 0
    for m in _QUOTED.finditer(text):
        a, b = m.start() + 1, m.end() - 1
        if ":jsp" in text[a:b]:
            return None
        parts += [text[last:a], "x" * (b - a)]
        literals[m.start()] = text[a:b]
        last = b
    parts.append(text[last:])
    return ("".join(parts), literals) if literals else None


def _records_of(text: str, dialect: str, params: set[str]) -> tuple[list[Record], dict[int, str]] | str:
    """``_records``, skipping the tokenizer for a text of a confirmed shape. A shape is confirmed when the
    tokenizer's plain string literals of one text are exactly its quote pairs: another text of that shape
    differs only inside quotes that hold no quote or backslash, so it tokenizes the same way."""
    quick = _quoted(text)
    key = (quick[0], dialect) if quick is not None else None
    if key is not None and key in _confirmed:
        return _confirmed[key], quick[1]
    found = _records(text, dialect, params)
    if key is not None and not isinstance(found, str) and found[1] == quick[1]:
        _bounded(_confirmed)[key] = found[0]
    return found


def read(src: Source, s: SqlString, dialect: str, resolve: Resolver,
         alone: SqlString | None = None) -> u.Extraction:
    """Uses in the SQL of ``s``; a text sqlglot cannot parse is ``Skipped`` with its reason, never guessed.
    ``alone`` is the first piece of a concatenation ``s`` joins: read instead when the whole cannot be."""
    out = u.Extraction()
    prep = _Prepared(s)
    key = (prep.text, dialect)
    found = _exact.get(key)
    if found is None:
        found = _bounded(_exact)[key] = _records_of(prep.text, dialect, set(prep.params))
    if isinstance(found, str) and alone is not None and looks_like_sql(alone.text):
        return read(src, alone, dialect, resolve)
    if isinstance(found, str):
        out.skipped.append(u.Skipped(src.site_at(s.start_byte), f"SQL sqlglot cannot parse: {found}"))
        return out
    records, literals = found

    def site(at: int | None) -> u.Site:
        return src.site_at(s.byte(prep.original(at or 0)))

    def literal_site(start: int | None) -> u.Site:
        """A string literal's place: its opening quote, or its first character when the quote ends an
        earlier piece of a concatenation (``"… status = '" + "x" + "'"``)."""
        quote = s.byte(prep.original(start or 0))
        first = s.byte(prep.original((start or 0) + 1))
        return src.site_at(first if s.anchors and first != quote + 1 else quote)

    for r in records:
        if r[0] == "skip":
            out.skipped.append(u.Skipped(site(r[1]), r[2]))
            continue
        _kind, kind, table, column, at, value, via, others = r
        where = site(at)
        if value is None:
            out.uses.append(u.Use(kind, table, where, column=column, via=via, candidates=others))
        elif value[0] == "lit":
            text = literals.get(value[1], value[2])
            out.uses.append(u.Use(kind, table, literal_site(value[1]), column=column, value=text, via=via,
                                  candidates=others))
        elif value[0] == "const":
            out.uses.append(u.Use(kind, table, where, column=column, via=via, candidates=others))
        elif value[0] == "any":
            out.uses.append(u.Use(kind, table, where, column=column, unresolved=True, via=via, candidates=others))
        else:  # a placeholder: what the program binds to it
            ref = prep.params.get(value[1])
            values, unresolved = resolve(ref) if ref is not None else ([], True)
            for v, at_value in values:
                out.uses.append(u.value_use(kind, table, at_value, column, v, via, others))
            if unresolved or not values:
                out.uses.append(u.Use(kind, table, where, column=column, unresolved=unresolved or value[2],
                                      via=via, candidates=others))
    return out


def _analyse(statements: list, params: set[str], masked: set[int]) -> list[Record]:
    from sqlglot import exp

    out: list[Record] = []
    for stmt in statements:
        _Statement(stmt, exp, params, masked, out).walk()
    return out


def _start(node) -> int | None:
    return (node.meta or {}).get("start") if node is not None else None


class _Statement:
    def __init__(self, stmt, exp, params: set[str], masked: set[int], out: list[Record]):
        self.stmt, self.exp, self.params, self.masked, self.out = stmt, exp, params, masked, out
        self.nodes: dict[type, list] = {}
        for i, node in enumerate(stmt.walk()):  # one pass, bucketed by class, instead of a find_all per class
            self.nodes.setdefault(type(node), []).append((i, node))
        self.ctes = {c.alias_or_name.lower() for c in self._all(exp.CTE)}
        self.aliases: dict[str, str] = {}
        self.tables: list = []
        self.variable_table = False  # a table name the program supplies (``FROM ${table}``, ``"{name}"``)
        for t in self._all(exp.Table):
            if isinstance(t.this, exp.Placeholder) or ":jsp" in t.name:
                self.variable_table = True
                continue
            if not t.name or t.name.lower() in self.ctes or not isinstance(t.this, exp.Identifier):
                continue
            name = f"{t.db}.{t.name}" if t.db else t.name
            self.tables.append((t, name))
            self.aliases[(t.alias or t.name).lower()] = name
        self.projections = {p.alias.lower() for p in self._all(exp.Alias) if p.alias}
        self.done: set[int] = set()

    def _all(self, *classes) -> list:
        """The statement's nodes of ``classes`` (or their subclasses), in the order ``find_all`` gives."""
        found = [x for cls, nodes in self.nodes.items() if issubclass(cls, classes) for x in nodes]
        return [n for _i, n in sorted(found, key=lambda x: x[0])]

    def walk(self) -> None:
        exp = self.exp
        if self.variable_table:
            self.out.append(("skip", None, "the statement's table name comes from the program "
                                           "(a template or f-string field): not checked"))
        for t, name in self.tables:
            self._add(u.TABLE, name, None, _start(t.this), None, self._verb())
        if isinstance(self.stmt, exp.Insert):
            self._insert()
        for node in self._all(exp.Update):
            for eq in node.expressions:
                if isinstance(eq, exp.EQ) and isinstance(eq.this, exp.Column):
                    self._column_value(eq.this, eq.expression, u.WRITE, "SQL UPDATE")
        for node in self._all(exp.EQ, exp.NEQ, exp.In):
            if id(node) in self.done:
                continue
            if isinstance(node, exp.In):
                if isinstance(node.this, exp.Column) and not node.args.get("query"):
                    for v in node.expressions:
                        self._column_value(node.this, v, u.FILTER, "SQL IN")
                continue
            left, right = node.this, node.expression
            if isinstance(right, exp.Column) and not isinstance(left, exp.Column):
                left, right = right, left
            if isinstance(left, exp.Column) and not isinstance(right, exp.Column):
                self._column_value(left, right, u.FILTER, "SQL WHERE")
        for col in self._all(exp.Column):
            if id(col) not in self.done:
                self._column_use(col, u.READ, "SQL")

    def _verb(self) -> str:
        return f"SQL {self.stmt.key.upper()}"

    def _insert(self) -> None:
        exp = self.exp
        target = self.stmt.this
        if not isinstance(target, exp.Schema) or not isinstance(target.this, exp.Table):
            return
        table = self.aliases.get((target.this.alias or target.this.name).lower())
        if table is None:
            return
        cols = [c for c in target.expressions if isinstance(c, exp.Identifier)]
        rows = self.stmt.expression
        tuples = rows.expressions if isinstance(rows, exp.Values) else []
        for i, ident in enumerate(cols):
            values = [t.expressions[i] for t in tuples if isinstance(t, exp.Tuple) and i < len(t.expressions)]
            if not values:
                self._add(u.WRITE, table, ident.name, _start(ident), ("any",), "SQL INSERT")
            for v in values:
                self._value_uses(table, ident.name, ident, v, u.WRITE, "SQL INSERT", ())

    def _resolve_table(self, col) -> tuple[str | None, tuple[str, ...]]:
        if col.table:
            return self.aliases.get(col.table.lower()), ()
        if self.variable_table:  # the unqualified name may be the variable table's
            return None, ()
        scope = col.find_ancestor(self.exp.Select, self.exp.Update, self.exp.Delete, self.exp.Insert)
        names = []
        for t, name in self.tables:
            if scope is None or t.find_ancestor(self.exp.Select, self.exp.Update, self.exp.Delete,
                                                self.exp.Insert) is scope:
                if name not in names:
                    names.append(name)
        if not names:
            return None, ()
        return names[0], tuple(names[1:])

    def _column_value(self, col, value, kind: str, via: str) -> None:
        self.done.add(id(col))
        self.done.add(id(col.parent))
        table, others = self._resolve_table(col)
        if table is None:
            return
        self._value_uses(table, col.name, col, value, kind, via, others)

    def _column_use(self, col, kind, via) -> None:
        if not col.table and col.name.lower() in self.projections:
            return
        table, others = self._resolve_table(col)
        if table is None:
            return
        self._add(kind, table, col.name, _start(col.this), None, via, others)

    def _value_uses(self, table, column, at, value, kind, via, others) -> None:
        exp = self.exp
        while isinstance(value, (exp.Paren, exp.Cast)):
            value = value.this
        where = _start(at.this if isinstance(at, exp.Column) else at)
        if isinstance(value, exp.Literal) and value.is_string and ":jsp" in value.this:
            ref = ("hole", value.this[1:], True)  # '{x}' in an f-string: the whole literal is the hole
        elif isinstance(value, exp.Literal) and value.is_string:
            start = _start(value)
            if start is None and self.masked:
                raise _Unmasked
            ref = ("lit", start, value.this)
        elif isinstance(value, exp.Placeholder) and str(value.this) in self.params:
            ref = ("hole", str(value.this), False)
        elif isinstance(value, (exp.Null, exp.Boolean)) or (isinstance(value, exp.Literal) and not value.is_string):
            ref = ("const",)
        else:
            ref = ("any",)
        self._add(kind, table, column, where, ref, via, others)

    def _add(self, kind, table, column, at, value, via, others=()) -> None:
        self.out.append(("use", kind, table, column, at, value, via, others))
