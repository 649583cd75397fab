"""Python, on the tree-sitter grammar: Supabase's ``.table('t')`` chains, SQL in string literals handed to a
driver (psycopg's ``%s`` and ``%(name)s`` bound to the call's tuple or dict), and value sets (``Enum``
classes, ``Literal[...]``)."""

from __future__ import annotations

from . import params, sqltext, suppress
from . import uses as u
from .chains import TABLE_METHODS, Chains, Kinds, markers
from .source import Source, concatenation, matches
from .ties import comment_tie

KINDS = Kinds(call="call", member="attribute", member_object="object", member_property="attribute",
              identifier="identifier", strings=frozenset({"string"}), objects=frozenset({"dictionary"}),
              arrays=frozenset({"list", "tuple"}), pair="pair", shorthand=frozenset(),
              keys=frozenset(), or_nodes=frozenset({"boolean_operator"}), or_operators=frozenset({"or"}),
              ternary="conditional_expression", wrappers=frozenset({"parenthesized_expression", "await"}),
              constants=frozenset({"none", "true", "false", "integer", "float"}), grammar=params.PYTHON)

# a prefilter run inside tree-sitter; ``sqltext.looks_like_sql`` decides
_SQL_PREFIX = r'"(select|insert|update|delete|with|SELECT|INSERT|UPDATE|DELETE|WITH)[ \\t\\r\\n]"'
# one query, one pass over the tree: the pattern index says which shape matched
PATTERNS = (
    ("table", "(call function: (attribute attribute: (identifier) @m)"
              " arguments: (argument_list . (string) @t .)) @call"),
    ("filter", "(dictionary (pair key: (string) @k)) @obj"),
    ("execute", "(call function: (attribute attribute: (identifier) @m)"
                " arguments: (argument_list . [(string) (concatenated_string) (binary_operator)] @sql"
                " . (_) @params)) @call"),
    ("sql", f"((string) @s (#match? @s {_SQL_PREFIX}))"),
    ("enum", "(class_definition name: (identifier) @name superclasses: (argument_list) @bases"
             " body: (block) @body) @decl"),
    ("literal", "(subscript value: [(identifier) (attribute)] @lit) @sub"),
    ("literal", "(generic_type [(identifier) (attribute)] @lit (type_parameter) @params) @sub"),
    ("comment", suppress.PATTERN),
)
QUERY = "\n".join(p for _k, p in PATTERNS)
MARKERS = markers("Enum", "Literal")  # value sets: an ``Enum`` class, ``Literal[...]``
EXECUTE = frozenset({"execute", "executemany", "fetch", "fetchrow", "fetchval", "fetchone", "mogrify"})


def _parts(src: Source, node):
    """(content text, content start byte, interpolation nodes) of a string literal."""
    start = next((c for c in node.children if c.type == "string_start"), None)
    end = next((c for c in node.children if c.type == "string_end"), None)
    if start is None or end is None:
        return None
    a, b = start.end_byte, end.start_byte
    return src.data[a:b].decode("utf-8", "replace"), a, [c for c in node.children if c.type == "interpolation"]


def extract(src: Source, dialect: str) -> u.Extraction:
    out = u.Extraction()

    def literal(node) -> str | None:
        if node is None or node.type != "string":
            return None
        parts = _parts(src, node)
        if parts is None or parts[2]:
            return None
        prefix = src.text(node.children[0]).lower()
        text = parts[0]
        if "\\" in text and "r" not in prefix:
            try:
                text = text.encode("latin-1", "backslashreplace").decode("unicode_escape")
            except UnicodeDecodeError:
                return None
        return text

    chains = Chains(src, KINDS, literal, out)
    found = [(PATTERNS[i][0], caps) for i, caps in matches("python", QUERY, src.root)]
    bound: dict[int, object] = {}
    for kind, caps in found:
        if kind == "execute" and src.text(caps["m"][0]) in EXECUTE:
            bound[caps["sql"][0].start_byte] = caps["params"][0]
    seen: set[int] = set()
    for kind, caps in found:
        if kind == "table":
            m = src.text(caps["m"][0])
            if m in TABLE_METHODS:
                chains.table_call(caps["call"][0], m, caps["t"][0])
        elif kind == "filter":
            if literal(caps["k"][0]) == "column":
                chains.filter_object(caps["obj"][0])
        elif kind == "sql" and caps["s"][0].start_byte not in seen:
            seen.add(caps["s"][0].start_byte)
            _sql(src, caps["s"][0], dialect, chains, literal, bound, out)
        elif kind == "comment":
            suppress.read_comment(src, caps["c"][0], out)
        elif kind in ("enum", "literal"):
            vs = (_enum if kind == "enum" else _literal_type)(src, caps, literal)
            if vs is not None:
                out.value_sets.append(vs)
    return out


def _piece(src: Source, node) -> sqltext.Piece | None:
    """A string's text between its quotes with its f-string fields as holes; any other operand of a
    concatenation is one hole; None for a string tree-sitter could not delimit."""
    if node.type != "string":
        return src.text(node), node.start_byte, [(0, len(src.text(node)), node)]
    parts = _parts(src, node)
    if parts is None:
        return None
    text, start, interpolations = parts
    return text, start, [(len(src.data[start:c.start_byte].decode("utf-8", "replace")),
                          len(src.data[start:c.end_byte].decode("utf-8", "replace")), c) for c in interpolations]


def _sql(src: Source, node, dialect: str, chains: Chains, literal, bound: dict, out: u.Extraction) -> None:
    top, leaves = concatenation(node, "binary_operator", frozenset({"concatenated_string"}))
    pieces = [_piece(src, n) for n in leaves] if len(leaves) > 1 else []
    whole = sqltext.joined(pieces) if pieces and None not in pieces else None
    if whole is not None and sqltext.looks_like_sql(whole.text):
        if next(n for n in leaves if n.type == "string") != node:
            return  # read with the concatenation's first string
        s, params = whole, bound.get(top.start_byte)
        alone = sqltext.SqlString(*_piece(src, node))
    else:
        alone = None
        piece = _piece(src, node)
        if piece is None or not sqltext.looks_like_sql(piece[0]):
            return
        s, params = sqltext.SqlString(*piece), bound.get(node.start_byte)

    def resolve(ref):
        if ref[0] == "hole":
            if ref[1].type != "interpolation":  # an operand of the concatenation
                return chains.values(ref[1])
            inner = ref[1].child_by_field_name("expression") or (ref[1].named_children or [None])[0]
            return chains.values(inner)
        if params is None:
            return [], True
        if ref[0] == "pos" and params.type in KINDS.arrays:
            items = [c for c in params.named_children if c.type != "comment"]
            return chains.values(items[ref[1]]) if ref[1] < len(items) else ([], True)
        if ref[0] == "name" and params.type == "dictionary":
            for child in params.named_children:
                key = child.child_by_field_name("key") if child.type == "pair" else None
                if key is not None and literal(key) == ref[1]:
                    return chains.values(child.child_by_field_name("value"))
        return [], True

    out.extend(sqltext.read(src, s, dialect, resolve, alone))


def _enum(src: Source, caps: dict, literal) -> u.ValueSet | None:
    bases = src.text(caps["bases"][0])
    if "Enum" not in bases:
        return None
    values, members = [], []
    for stmt in caps["body"][0].named_children:
        if stmt.type != "expression_statement" or not stmt.named_children:
            continue
        assign = stmt.named_children[0]
        if assign.type != "assignment":
            continue
        right = assign.child_by_field_name("right")
        v = literal(right)
        if v is None:
            return None  # auto(), numbers: not a set of strings the database stores
        values.append((v, src.site(right)))
        members.append(src.text(assign.child_by_field_name("left")))
    if not values:
        return None
    decl, name = caps["decl"][0], caps["name"][0]
    tie, tie_site = comment_tie(src, decl)
    return u.ValueSet(src.text(name), tuple(values), src.site(name), "Enum", tie, tie_site, tuple(members))


def _literal_type(src: Source, caps: dict, literal) -> u.ValueSet | None:
    if not src.text(caps["lit"][0]).endswith("Literal"):
        return None
    sub = caps["sub"][0]
    items = [c for c in sub.named_children[1:] if c.type != "comment"]
    if len(sub.named_children) >= 2 and sub.named_children[1].type == "tuple":
        items = sub.named_children[1].named_children
    if "params" in caps:  # an annotation: Literal['a', 'b'] read as a generic type of string types
        items = [t.named_children[0] if t.type == "type" and len(t.named_children) == 1 else t
                 for t in caps["params"][0].named_children]
    values = []
    for item in items:
        v = literal(item)
        if v is None:
            return None
        values.append((v, src.site(item)))
    holder = sub.parent.parent if sub.parent is not None and sub.parent.type == "type" else sub.parent
    if holder is None or holder.type != "assignment":
        return None
    left = holder.child_by_field_name("left")
    if left is None or left.type != "identifier" or not values:
        return None
    name = src.text(left)
    cls = holder.parent
    while cls is not None and cls.type not in ("class_definition", "function_definition", "module"):
        cls = cls.parent
    if cls is not None and cls.type == "class_definition":
        name = f"{src.text(cls.child_by_field_name('name'))}.{name}"
    decl = holder.parent if holder.parent is not None and holder.parent.type == "expression_statement" else holder
    tie, tie_site = comment_tie(src, decl)
    return u.ValueSet(name, tuple(values), src.site(left), "Literal", tie, tie_site)
