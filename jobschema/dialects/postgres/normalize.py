"""Canonical forms of PostgreSQL expressions, types and definitions, applied to both sides of a diff.

The server rewrites what it stores: it adds casts (``'queued'::text``, ``(status)::text``), parentheses,
turns ``IN (...)`` into ``= ANY (ARRAY[...])``, qualifies view columns and names unnamed view columns.
Each function here maps a text to a key that is equal for two texts with the same meaning, whichever
side wrote it; keys are built from sqlglot ASTs and every distinct text is parsed once (``lru_cache``).

``PostgresHooks`` is the PostgreSQL answer to the differ's dialect questions (``diff.differ.DiffHooks``).
"""

from __future__ import annotations

import re
from functools import lru_cache

import sqlglot
from sqlglot import exp

from ...diff.hooks import CheckMeaning, DiffHooks
from ...model import expr as exprmod
from ...model.objects import Check, Column, Default, Function, Index, Sql, Table, Trigger, View
from ...model.types import TypeError_, parse_type
from . import enums, names
from .render import MYSQL_ONLY_METHODS, default_sql, enum_check_name, enum_check_sql, index_sql
from .trigger_key import trigger_key
from .types import logical

_TEXT_TYPES = {exp.DataType.Type.TEXT, exp.DataType.Type.VARCHAR, exp.DataType.Type.CHAR,
               exp.DataType.Type.NVARCHAR, exp.DataType.Type.NCHAR, exp.DataType.Type.BPCHAR}
_NUMERIC_TYPES = {exp.DataType.Type.INT, exp.DataType.Type.BIGINT, exp.DataType.Type.SMALLINT,
                  exp.DataType.Type.DECIMAL, exp.DataType.Type.DOUBLE, exp.DataType.Type.FLOAT,
                  exp.DataType.Type.TINYINT}
_NOW_ALIASES = {"transaction_timestamp", "now"}
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


# ------------------------------------------------------------------------------------------ types

def logical_type(format_type: str) -> str:
    """``format_type()`` output as a logical type spec (``character varying(64)`` → ``varchar(64)``), from
    the dialect's one type map. Types with no logical spelling (``time with time zone``, user enum types,
    ``tsvector``…) come back unchanged; ``native_type`` compares them as written."""
    info = logical(format_type)
    return format_type if info.override is not None else info.logical


@lru_cache(maxsize=4096)
def canonical_type(spec: str) -> str:
    try:
        lt = parse_type(spec)
    except TypeError_:
        return " ".join(spec.lower().split())
    base = {"serial": "integer", "bigserial": "bigint"}.get(lt.base, lt.base)
    return type(lt)(base, lt.args, lt.array_dims).format()


# ------------------------------------------------------------------------------------ expressions

def _ident(node: exp.Identifier) -> exp.Identifier:
    name = node.this if node.quoted else str(node.this).lower()
    return exp.Identifier(this=name, quoted=False)


def _strip_cast(node: exp.Cast, loose: bool) -> exp.Expression:
    inner = node.this
    to = node.args.get("to")
    ttype = to.this if isinstance(to, exp.DataType) else None
    if ttype == exp.DataType.Type.INTERVAL and isinstance(inner, exp.Literal) and inner.is_string:
        try:
            return _canon(sqlglot.parse_one("INTERVAL " + inner.sql(dialect="postgres"), read="postgres"), loose)
        except Exception:
            return node
    if loose or ttype in _TEXT_TYPES or (isinstance(to, exp.DataType) and to.is_type("array")):
        return inner
    if isinstance(inner, exp.Literal) and inner.is_string and ttype in _NUMERIC_TYPES and _NUMBER.match(inner.this):
        return exp.Literal.number(inner.this)
    if isinstance(inner, (exp.Literal, exp.Array, exp.Column, exp.Null, exp.Neg, exp.Boolean)):
        return inner
    return node


def _sorted_literals(items: list[exp.Expression]) -> list[exp.Expression] | None:
    if not items or not all(isinstance(i, (exp.Literal, exp.Null, exp.Boolean)) for i in items):
        return None
    uniq = {repr(i): i for i in items}
    return [uniq[k] for k in sorted(uniq)]


def _output_name(node: exp.Expression) -> str:
    if isinstance(node, exp.Column):
        return node.name.lower()
    if isinstance(node, exp.Anonymous):
        return str(node.this).lower()
    if isinstance(node, exp.Func):
        return node.sql_name().lower()
    if isinstance(node, exp.Dot):  # schema.function(): PostgreSQL names the column after the function
        return _output_name(node.expression)
    return ""


def _or_terms(node: exp.Expression) -> list[exp.Expression]:
    if isinstance(node, exp.Or):
        return _or_terms(node.this) + _or_terms(node.expression)
    return [node]


def _json_operand(node: exp.Expression) -> exp.Expression:
    """``payload ->> 'key'`` parses to a JSON path, ``payload ->> 'key'::text`` (as the server prints it) to a
    literal once its cast is gone: a one-step path becomes the literal it was written as."""
    path = node.expression
    if isinstance(path, exp.JSONPath) and len(path.expressions) == 2 and \
            isinstance(path.expressions[0], exp.JSONPathRoot):
        step = path.expressions[1]
        if isinstance(step, exp.JSONPathKey) and isinstance(step.this, str):
            node.set("expression", exp.Literal.string(step.this))
        elif isinstance(step, exp.JSONPathSubscript) and isinstance(step.this, int):
            node.set("expression", exp.Literal.number(step.this))
    node.set("only_json_types", None)
    return node


def _rule(node: exp.Expression, loose: bool) -> exp.Expression:
    if isinstance(node, exp.Paren):
        return node.this
    if isinstance(node, (exp.JSONExtract, exp.JSONExtractScalar)):
        return _json_operand(node)
    if isinstance(node, (exp.Cast, exp.TryCast)):
        return _strip_cast(node, loose)
    if isinstance(node, exp.Identifier):
        return _ident(node)
    if isinstance(node, exp.Between) and not node.args.get("symmetric"):
        # the server stores ``x BETWEEN a AND b`` as ``(x >= a) AND (x <= b)`` (and NOT BETWEEN as ``<`` OR ``>``)
        low, high = node.args["low"], node.args["high"]
        above = node.parent
        while isinstance(above, exp.Paren):
            above = above.parent
        if isinstance(above, exp.Not):  # the NOT above it is dropped next (below)
            outside = exp.Or(this=exp.LT(this=node.this, expression=low),
                             expression=exp.GT(this=node.this.copy(), expression=high))
            outside.meta["not_between"] = True
            return outside
        return exp.And(this=exp.GTE(this=node.this, expression=low),
                       expression=exp.LTE(this=node.this.copy(), expression=high))
    if isinstance(node, exp.Not) and isinstance(node.this, exp.Or) and node.this.meta.get("not_between"):
        return node.this
    if isinstance(node, exp.Neg) and isinstance(node.this, exp.Literal) and not node.this.is_string:
        return exp.Literal.number("-" + node.this.this)
    if isinstance(node, exp.Anonymous) and str(node.this).lower() in _NOW_ALIASES and not node.expressions:
        return exp.CurrentTimestamp()
    if isinstance(node, exp.Column) and loose and node.args.get("table") is not None:
        return exp.Column(this=node.this)
    if isinstance(node, exp.EQ) and isinstance(node.expression, exp.Any):
        arr = node.expression.this
        if isinstance(arr, exp.Array):
            vals = _sorted_literals(arr.expressions)
            if vals is not None:
                return exp.In(this=node.this, expressions=vals)
    if isinstance(node, exp.NEQ) and isinstance(node.expression, exp.Anonymous) \
            and str(node.expression.this).upper() == "ALL" and len(node.expression.expressions) == 1:
        arr = node.expression.expressions[0]
        if isinstance(arr, exp.Array):
            vals = _sorted_literals(arr.expressions)
            if vals is not None:
                return exp.Not(this=exp.In(this=node.this, expressions=vals))
    if isinstance(node, exp.In) and not node.args.get("query"):
        vals = _sorted_literals(node.expressions)
        if vals is not None:
            node.set("expressions", vals)
        return node
    if isinstance(node, exp.Or):
        terms = _or_terms(node)
        col, values = None, []
        for t in terms:
            if isinstance(t, exp.EQ) and isinstance(t.this, exp.Column) and isinstance(t.expression, exp.Literal):
                c, v = t.this, [t.expression]
            elif isinstance(t, exp.In) and isinstance(t.this, exp.Column) and _sorted_literals(t.expressions):
                c, v = t.this, list(t.expressions)
            else:
                return node
            if col is not None and repr(c) != repr(col):
                return node
            col = c
            values.extend(v)
        return exp.In(this=col, expressions=_sorted_literals(values))
    if isinstance(node, exp.Case) and isinstance(node.args.get("default"), exp.Null):
        node.set("default", None)
        return node
    if isinstance(node, exp.Select) and isinstance(node.args.get("from_"), exp.From):
        _flatten_from(node)
        return node
    if isinstance(node, exp.Alias) and isinstance(node.parent, exp.Select) and \
            isinstance(node.parent.parent, exp.Subquery) and len(node.parent.expressions) == 1 and \
            node.alias.lower() == _output_name(node.this):
        # (SELECT auth.uid()) comes back as ( SELECT auth.uid() AS uid): a scalar subquery's column name
        return node.this
    if loose and isinstance(node, exp.Alias) and isinstance(node.parent, exp.Select) or (
            loose and isinstance(node, exp.Alias) and node.parent is None):
        if node.alias.lower() == _output_name(node.this):
            return node.this
    return node


def _unwrap_joins(node: exp.Expression) -> tuple[exp.Expression, list]:
    """``(a JOIN b ON ...)`` as PostgreSQL prints joins in FROM → the first table and its joins, flat."""
    if isinstance(node, exp.Subquery) and not node.args.get("alias") and \
            isinstance(node.this, (exp.Table, exp.Subquery)):
        inner = node.this
        joins = list(node.args.get("joins") or [])
        inner_joins = list(inner.args.get("joins") or [])
        inner.args.pop("joins", None)
        base, more = _unwrap_joins(inner)
        return base, more + inner_joins + joins
    return node, []


def _flatten_from(select: exp.Select) -> None:
    frm = select.args["from_"]
    base, joins = _unwrap_joins(frm.this)
    if isinstance(base, exp.Table) and base.args.get("joins"):
        joins = list(base.args["joins"]) + joins
        base.args.pop("joins", None)
    if joins:
        frm.set("this", base)
        select.set("joins", joins + list(select.args.get("joins") or []))


def _canon(node: exp.Expression, loose: bool) -> exp.Expression:
    for key, val in list(node.args.items()):
        if isinstance(val, exp.Expression):
            node.set(key, _canon(val, loose))
        elif isinstance(val, list):
            node.set(key, [_canon(v, loose) if isinstance(v, exp.Expression) else v for v in val])
    return _rule(node, loose)


def _key(node) -> object:
    """A structural key of an AST: class and arguments, argument order and empty arguments ignored."""
    if isinstance(node, exp.Expression):
        items = []
        for k in sorted(node.args):
            v = node.args[k]
            if v is None or v is False or (isinstance(v, list) and not v):
                continue
            items.append((k, _key(v)))
        return (type(node).__name__, tuple(items))
    if isinstance(node, list):
        return tuple(_key(v) for v in node)
    if isinstance(node, str):
        return node
    return repr(node)


def _opclass_key(opclass: str | None) -> str | None:
    """An operator class with its parameters, spaced and quoted either way: ``gist_trgm_ops (siglen = 32)``
    and the catalog's ``gist_trgm_ops (siglen='32')`` are one class."""
    return (re.sub(r"[\s']", "", opclass).lower() or None) if opclass else None


def _strip_meta(text: str) -> str:
    return text.strip().rstrip(";").strip()


@lru_cache(maxsize=65536)
def expression_key(text: str) -> str:
    """A key equal for two PostgreSQL expressions with the same meaning (casts, parens, IN/ANY, now())."""
    try:
        tree = exprmod.parse(_strip_meta(text), "postgres").copy()
    except Exception:
        return "text:" + " ".join(text.lower().split())
    return repr(_key(_canon(tree, loose=False)))


@lru_cache(maxsize=4096)
def query_key(text: str) -> str:
    """A key for a view's query: like ``expression_key`` but casts, column qualifiers and the names
    PostgreSQL gives unnamed columns are ignored (the server prints implicit casts and qualifiers)."""
    try:
        tree = sqlglot.parse_one(_strip_meta(text), read="postgres")  # a fresh tree, nothing shares it
    except Exception:
        return "text:" + " ".join(text.lower().split())
    tree = _canon(tree, loose=True)
    for sel in tree.find_all(exp.Select):
        sel.set("expressions", [e.this if isinstance(e, exp.Alias) and e.alias.lower() == _output_name(e.this)
                                else e for e in sel.expressions])
    return repr(_key(tree))


_QUOTES_OR_COMMENTS = re.compile(r"['\"$`]|--|/\*")


def same_text_up_to_whitespace(a: str | None, b: str | None) -> bool:
    """True when ``a`` and ``b`` differ at most in runs of whitespace outside literals (and a trailing
    semicolon); texts with quotes, dollar quotes or comments must match exactly. Cheap, and never true for
    two texts whose tokens differ."""
    if a is None or b is None:
        return False
    a, b = _strip_meta(a), _strip_meta(b)
    if a == b:
        return True
    if _QUOTES_OR_COMMENTS.search(a) or _QUOTES_OR_COMMENTS.search(b):
        return False
    return a.split() == b.split()


def body_key(text: str) -> str:
    """Function bodies compare as written, up to whitespace and trailing semicolons."""
    return " ".join(_strip_meta(text or "").split())


# ------------------------------------------------------------------------------------ the hooks

def _sql_text(s: Sql | None) -> str | None:
    if s is None:
        return None
    return s.override("postgres") or s.text


_ARG_MODES = {"in", "out", "inout", "variadic"}


def arguments_key(args: str) -> str:
    """``p_id uuid, p_n int`` and ``p_id uuid, p_n integer`` give the same key (names kept, types canonical)."""
    out = []
    for part in [p.strip() for p in args.split(",") if p.strip()]:
        words = part.split()
        mode = ""
        if words and words[0].lower() in _ARG_MODES:
            mode, words = words[0].lower() + " ", words[1:]
        if len(words) >= 2:
            name, typ = words[0].lower(), " ".join(words[1:])
        else:
            name, typ = "", " ".join(words)
        out.append(f"{mode}{name} {canonical_type(typ)}".strip())
    return ", ".join(out)


def returns_key(text: str | None) -> str:
    """``TABLE ( a timestamptz )`` and ``TABLE(a timestamp with time zone)`` give one key; so do
    ``SETOF int`` and ``SETOF integer``."""
    t = " ".join((text or "").split())
    m = re.match(r"^table\s*\((.*)\)$", t, re.I | re.S)
    if m:
        return "table(" + arguments_key(m.group(1)) + ")"
    m = re.match(r"^setof\s+(.*)$", t, re.I)
    if m:
        return "setof " + canonical_type(m.group(1))
    return canonical_type(t)


_NEXTVAL = re.compile(r"^nextval\(\s*'([^']+)'(?:\s*::\s*regclass)?\s*\)$", re.I)
_REGCLASS_PART = re.compile(r'"((?:[^"]|"")*)"|([^."]+)')


def _sequence_key(text: str) -> str:
    """The sequence a ``nextval('...')`` reads, as regclass resolves the string: unquoted parts folded, quoted
    ones kept, ``public.`` dropped (the server prints it only off the search path)."""
    parts = [m.group(1).replace('""', '"') if m.group(1) is not None else m.group(2).strip().lower()
             for m in _REGCLASS_PART.finditer(text)]
    return ".".join(parts[1:] if len(parts) > 1 and parts[0] == "public" else parts)


def nextval_sequence(col: Column) -> str | None:
    """The sequence a ``nextval('...')`` default reads, as the default writes it (None: no such default)."""
    d = col.default
    if d is None or d.kind != "expression" or d.expression is None:
        return None
    m = _NEXTVAL.match(d.expression.text.strip())
    return m.group(1).replace("''", "'") if m else None


def _nextval_key(col: Column) -> str | None:
    """``<serial:<sequence>>`` for a default reading a sequence: two columns reading different sequences differ."""
    d = col.default
    if d is None or d.kind != "expression" or d.expression is None:
        return None
    m = _NEXTVAL.match(d.expression.text.strip())
    return f"<serial:{_sequence_key(m.group(1))}>" if m else None


def _is_serial(col: Column) -> bool:
    """A serial column: declared ``serial``/``bigserial``, or live integer defaulting to ``nextval(...)``."""
    try:
        base = parse_type(col.type).base
    except TypeError_:
        return False
    if base in ("serial", "bigserial") and col.default is None:
        return True
    d = col.default
    return (base in ("integer", "bigint", "smallint") and d is not None and d.kind == "expression"
            and d.expression is not None and bool(_NEXTVAL.match(d.expression.text.strip())))


_NULL_KEY = expression_key("NULL")
_EXPLICIT_NULL = "<null>"  # a DEFAULT NULL written out (a pg_attrdef row), told apart from no default


@lru_cache(maxsize=1024)
def _index_statement_key(statement: str) -> str:
    """A ``CREATE INDEX`` as sqlglot prints it, without what does not change the index: CONCURRENTLY, IF NOT
    EXISTS, the table's namespace, ``USING btree``, storage parameters (recorded apart, as unmanaged)."""
    text = statement.strip().rstrip(";")
    try:
        tree = sqlglot.parse_one(text, read="postgres")
    except sqlglot.errors.ParseError:
        return " ".join(text.lower().split())
    if not isinstance(tree, exp.Create) or not isinstance(tree.this, exp.Index):
        return " ".join(text.lower().split())
    tree = tree.copy()
    tree.set("concurrently", None)
    tree.set("exists", None)
    index = tree.this
    table = index.args.get("table")
    if isinstance(table, exp.Table):
        table.set("db", None)
    params = index.args.get("params")
    if params is not None:
        using = params.args.get("using")
        if using is not None and using.name.lower() == "btree":
            params.set("using", None)
        params.set("with_storage", None)
    return tree.sql(dialect="postgres", normalize=True)


class PostgresHooks(DiffHooks):
    dialect = "postgres"
    native_enum_types = True
    deferrable_keys = True
    identity_options = True
    constraint_comments = True
    not_valid_constraints = True

    def is_generated_name(self, table: Table, of: str, obj: object, name: str) -> bool:
        """``<table>_pkey``, ``<table>_<cols>_key``/``_fkey``/``_idx``, ``<table>_<col>_check`` (``names.py``),
        with the number the server appends when the name is taken."""
        base = re.sub(r"\d+$", "", name)
        cols = tuple(getattr(obj, "columns", ()) or ())
        if of == "primary key":
            return name == names.primary_key(table.name)
        if of == "unique key":
            return base == names.unique(table.name, cols)
        if of == "foreign key":
            return base == names.foreign_key(table.name, cols)
        if of == "index":
            return base == names.index(table.name, [p.column for p in obj.parts])
        if of == "check":
            return re.fullmatch(re.escape(table.name) + r"_(?:\w+_)?check", base) is not None
        return False

    def native_type(self, col: Column) -> str:
        if col.enum_type is not None and not col.type_override("postgres"):
            return enums.type_key(col)
        return canonical_type(col.type_override("postgres") or col.type)

    def enum_values_delta(self, desired: Column, live: Column) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        return enums.values_delta(desired, live)

    def default_key(self, col: Column) -> str | None:
        if _is_serial(col):  # serial is integer + nextval() of the column's own sequence, read back either way
            return _nextval_key(col) or "<serial>"
        if col.default is None or col.identity or col.generated is not None:
            return None
        text = default_sql(col, col.default) if col.default.kind == "literal" else _sql_text(col.default.expression)
        if text is None:
            return None
        if text.strip().upper() == "NULL":
            return _EXPLICIT_NULL
        if col.enum_type is not None:
            text = enums.strip_label_cast(text)
        key = expression_key(text)
        # DEFAULT NULL::varchar means what no default means, but the server keeps it as a default of its own
        return _EXPLICIT_NULL if key == _NULL_KEY else key

    def collation_equal(self, desired: Column, live: Column) -> bool:
        # the inspector reports a collation only where it is not the type's default, so a schema naming none
        # means the default: a live column under another collation is drift, never "in sync"
        return (desired.collation or "").lower() == (live.collation or "").lower()

    def default_equal(self, desired: Column, live: Column) -> bool:
        # with no default on either side the key depends on the type alone (serial or not): most columns
        if desired.default is None and live.default is None and desired.type == live.type:
            return True
        want, have = self.default_key(desired), self.default_key(live)
        if want == "<serial>" and have is not None and have.startswith("<serial:"):
            return True  # a declared serial: whichever sequence the server named for it
        return want == have

    def default_text(self, col: Column) -> str | None:
        if col.default is None:
            return None
        if col.default.kind == "literal":
            return default_sql(col, col.default)
        return _sql_text(col.default.expression)

    def generated_key(self, col: Column) -> str | None:
        return expression_key(_sql_text(col.generated)) if col.generated is not None else None

    def expression_key(self, s: Sql | None) -> str | None:
        text = _sql_text(s)
        return expression_key(text) if text is not None else None

    def sql_text(self, s: Sql | None) -> str | None:
        return _sql_text(s)

    def check_meaning(self, check: Check) -> CheckMeaning:
        return check_meaning(_sql_text(check.expression) or "")

    def enum_checks(self, table: Table) -> tuple[tuple[Check, Column], ...]:
        out = []
        for col in table.columns:
            if col.enum is not None and col.enum_type is None:  # a native enum type needs no CHECK
                out.append((Check(enum_check_name(table, col), Sql(enum_check_sql(col)), origin=col.origin), col))
        return tuple(out)

    def view_index_key(self, statement: str) -> str:
        return _index_statement_key(statement)

    def live_view_index_key(self, namespace: str, view: str, ix: Index) -> str | None:
        return _index_statement_key(index_sql(Table(name=view, columns=(), namespace=namespace), ix))

    def index_expressible(self, table: Table, ix: Index) -> bool:
        """FULLTEXT and SPATIAL indexes are MySQL's: the renderer warns and creates none here."""
        return ix.method not in MYSQL_ONLY_METHODS

    def index_key(self, ix: Index) -> tuple:
        parts = tuple((p.column.lower() if p.column else None,
                       expression_key(_sql_text(p.expression)) if p.expression is not None else None,
                       p.descending, _opclass_key(p.opclass), p.nulls_first) for p in ix.parts)
        unique = (True, "nulls not distinct") if ix.unique and ix.nulls_not_distinct else ix.unique
        return (unique, ix.method.lower(), parts, self.expression_key(ix.where), tuple(ix.include))

    def view_key(self, view: View) -> str | None:
        q = view.definition("postgres")
        return query_key(q) if q is not None else None

    def view_equal(self, desired: View, live: View) -> bool:
        # the server prints a query back with its own line breaks: equal text up to whitespace is the same
        # query, with no parse (one sqlglot parse per view costs ~0.3 ms); anything else compares by meaning
        if same_text_up_to_whitespace(desired.definition("postgres"), live.definition("postgres")):
            return True
        return self.view_key(desired) == self.view_key(live)

    def function_key(self, fn: Function) -> tuple:
        return (fn.namespace, fn.name, arguments_key(fn.arguments))

    def function_kinds(self, desired: Function, live: Function) -> frozenset[str]:
        kinds = set()
        if body_key(desired.body) != body_key(live.body):
            kinds.add("body")
        if returns_key(desired.returns) != returns_key(live.returns):
            kinds.add("returns")
        if desired.language.lower() != live.language.lower():
            kinds.add("language")
        if desired.security_definer != live.security_definer:
            kinds.add("security")
        if desired.kind != live.kind:
            kinds.add("kind")
        if desired.options != live.options:
            kinds.add("options")  # volatility, STRICT, LEAKPROOF, PARALLEL, COST
        if _path_key(desired.search_path) != _path_key(live.search_path):
            kinds.add("search_path")
        return frozenset(kinds)

    def trigger_kinds(self, desired: Trigger, live: Trigger) -> frozenset[str]:
        kinds = set()
        if desired.timing.upper() != live.timing.upper():
            kinds.add("timing")
        if tuple(sorted(desired.events)) != tuple(sorted(live.events)):
            kinds.add("events")
        dfn = (desired.function or "").split(".")[-1].strip('"').lower()
        lfn = (live.function or "").split(".")[-1].strip('"').lower()
        if dfn != lfn:
            kinds.add("function")
        if trigger_key(desired.sql, expression_key) != trigger_key(live.sql, expression_key):
            kinds.add("definition")  # level, UPDATE OF, WHEN, CONSTRAINT, REFERENCING, arguments
        return frozenset(kinds)


def _path_key(path: str | None) -> str | None:
    """``SET search_path = "$user", public`` as written and as ``proconfig`` keeps it compare equal."""
    return None if path is None else re.sub(r"[\s'\"]", "", path.lower())


@lru_cache(maxsize=65536)
def check_meaning(text: str) -> CheckMeaning:
    key = expression_key(text)
    vs = exprmod.value_set(_strip_meta(text), "postgres")
    columns: frozenset[str] = frozenset()
    try:
        tree = exprmod.parse(_strip_meta(text), "postgres")
        columns = frozenset(c.name.lower() for c in tree.find_all(exp.Column))
    except Exception:
        pass
    if vs is not None:
        vs = (vs[0].lower(), vs[1])
    return CheckMeaning(key=key, columns=columns, value_set=vs)


HOOKS = PostgresHooks()

__all__ = ["HOOKS", "PostgresHooks", "arguments_key", "body_key", "canonical_type", "check_meaning",
           "expression_key", "logical_type", "query_key", "Default"]
