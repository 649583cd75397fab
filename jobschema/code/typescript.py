"""TypeScript, TSX and JavaScript, on the tree-sitter grammars: query-builder chains, filter objects, SQL in
string and template literals, and value sets (string-literal unions, ``enum``s)."""

from __future__ import annotations

from . import params, sqltext, suppress
from . import uses as u
from .chains import TABLE_METHODS, Chains, Kinds, markers
from .source import Source, concatenation, matches
from .ties import comment_tie

KINDS = Kinds(call="call_expression", member="member_expression", member_object="object",
              member_property="property", identifier="identifier", strings=frozenset({"string", "template_string"}),
              objects=frozenset({"object"}), arrays=frozenset({"array"}), pair="pair",
              shorthand=frozenset({"shorthand_property_identifier"}),
              keys=frozenset({"property_identifier", "identifier"}), or_nodes=frozenset({"binary_expression"}),
              or_operators=frozenset({"||", "??"}), ternary="ternary_expression",
              wrappers=frozenset({"parenthesized_expression", "as_expression", "satisfies_expression",
                                  "await_expression", "non_null_expression"}),
              constants=frozenset({"null", "undefined", "true", "false", "number"}), grammar=params.JS)

_SQL_PREFIX = r'"^.[ \\t\\r\\n(]*(select|insert|update|delete|with|SELECT|INSERT|UPDATE|DELETE|WITH)[ \\t\\r\\n]"'
# one query, one pass over the tree: the pattern index says which shape matched
PATTERNS = (
    ("table", "(call_expression function: (member_expression property: (property_identifier) @m)"
              " arguments: (arguments . (string) @t .)) @call"),
    ("knex", "(call_expression function: (identifier) arguments: (arguments . (string) @t .)) @call"),
    ("filter", '(object (pair key: (property_identifier) @k (#eq? @k "column"))) @obj'),
    ("sql", f"([(string) (template_string)] @s (#match? @s {_SQL_PREFIX}))"),
    ("comment", suppress.PATTERN),
)
TS_PATTERNS = (
    ("set", "(type_alias_declaration name: (type_identifier) @name value: (union_type) @set) @decl"),
    ("set", "(property_signature name: (property_identifier) @name type: (type_annotation (union_type) @set)) @decl"),
    ("set", "(enum_declaration name: (identifier) @name body: (enum_body) @set) @decl"),
)
# a union is declared by ``type`` or in an ``interface``; ``enum`` declares an enum
MARKERS = markers(r"\b(?:type|interface|enum)\b")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "'": "'", '"': '"', "\\": "\\", "`": "`"}


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            out.append(_ESCAPES.get(text[i + 1], text[i + 1]))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def extract(src: Source, dialect: str) -> u.Extraction:
    out = u.Extraction()
    lang = src.lang

    def literal(node) -> str | None:
        if node is None:
            return None
        if node.type == "string" or (node.type == "template_string" and not any(
                c.type == "template_substitution" for c in node.named_children)):
            return _unescape(src.text(node)[1:-1])
        return None

    chains = Chains(src, KINDS, literal, out)
    patterns = PATTERNS if lang == "javascript" else PATTERNS + TS_PATTERNS
    for index, caps in matches(lang, "\n".join(p for _k, p in patterns), src.root):
        kind = patterns[index][0]
        if kind == "table":
            m = src.text(caps["m"][0])
            if m in TABLE_METHODS:
                chains.table_call(caps["call"][0], m, caps["t"][0])
        elif kind == "knex":
            chains.table_call(caps["call"][0], "", caps["t"][0])
        elif kind == "filter":
            chains.filter_object(caps["obj"][0])
        elif kind == "sql":
            _sql(src, caps["s"][0], dialect, chains, out)
        elif kind == "comment":
            suppress.read_comment(src, caps["c"][0], out)
        else:
            vs = _value_set(src, caps, literal)
            if vs is not None:
                out.value_sets.append(vs)
    return out


def _piece(src: Source, node) -> sqltext.Piece:
    """A string or template literal's text between its quotes with its substitutions as holes; any other
    operand of a concatenation is one hole."""
    if node.type not in KINDS.strings:
        return src.text(node), node.start_byte, [(0, len(src.text(node)), node)]
    first = node.start_byte + 1
    holes = [(len(src.data[first:c.start_byte].decode("utf-8", "replace")),
              len(src.data[first:c.end_byte].decode("utf-8", "replace")), c)
             for c in node.named_children if c.type == "template_substitution"]
    return src.text(node)[1:-1], first, holes


def _sql(src: Source, node, dialect: str, chains: Chains, out: u.Extraction) -> None:
    _top, leaves = concatenation(node, "binary_expression")
    whole = sqltext.joined([_piece(src, n) for n in leaves]) if len(leaves) > 1 else None
    if whole is not None and sqltext.looks_like_sql(whole.text):
        if next(n for n in leaves if n.type in KINDS.strings) != node:
            return  # read with the concatenation's first literal
        s, alone = whole, sqltext.SqlString(*_piece(src, node))
    else:
        alone = None
        s = sqltext.SqlString(*_piece(src, node))
        if not sqltext.looks_like_sql(s.text):
            return

    def resolve(ref):
        if ref[0] == "hole":
            if ref[1].type != "template_substitution":  # an operand of the concatenation
                return chains.values(ref[1])
            inner = list(ref[1].named_children)
            return chains.values(inner[0]) if inner else ([], True)
        return [], True

    out.extend(sqltext.read(src, s, dialect, resolve, alone))


def _value_set(src: Source, caps: dict, literal) -> u.ValueSet | None:
    decl, name_node, body = caps["decl"][0], caps["name"][0], caps["set"][0]
    name = src.text(name_node)
    values: list[tuple[str, u.Site]] = []
    members: list[str] = []
    if body.type == "enum_body":
        kind = "enum"
        for member in body.named_children:
            if member.type == "comment":
                continue
            value = member.child_by_field_name("value") if member.type == "enum_assignment" else None
            v = literal(value) if value is not None and value.type == "string" else None
            if v is None:
                return None  # a numeric or computed member: not a set of strings
            values.append((v, src.site(value)))
            members.append(src.text(member.child_by_field_name("name")))
    else:
        kind = "union"
        stack = [body]
        while stack:
            node = stack.pop()
            if node.type == "union_type":
                stack.extend(reversed(node.named_children))
            elif node.type == "literal_type":
                inner = node.named_children[0] if node.named_children else None
                if inner is not None and inner.type == "string":
                    values.append((literal(inner), src.site(inner)))
                elif inner is None or inner.type not in ("null", "undefined"):
                    return None
            elif node.type not in ("null", "undefined", "comment"):
                return None  # ``string | 'x'`` and the like: an open set, not a value set
        owner = decl.parent
        while owner is not None and decl.type == "property_signature" and owner.type not in (
                "interface_declaration", "type_alias_declaration"):
            owner = owner.parent
        if decl.type == "property_signature":
            if owner is None:
                return None
            name = f"{src.text(owner.child_by_field_name('name'))}.{name}"
    if not values:
        return None
    tie, tie_site = comment_tie(src, decl)
    return u.ValueSet(name, tuple(values), src.site(name_node), kind, tie, tie_site, tuple(members))
