"""One application file held for the extractors: its bytes, the tree-sitter tree of its language, and
the arithmetic from a node or an offset inside a string literal to the 1-based line:column a user sees.

Grammars come from their published wheels (tree-sitter-typescript, -javascript, -python); each parser is
built once per process.
"""

from __future__ import annotations

import bisect
from functools import cache

from .uses import Site


@cache
def language(name: str):
    import tree_sitter

    if name == "python":
        import tree_sitter_python as grammar

        return tree_sitter.Language(grammar.language())
    if name == "javascript":
        import tree_sitter_javascript as grammar

        return tree_sitter.Language(grammar.language())
    import tree_sitter_typescript as grammar

    return tree_sitter.Language(grammar.language_tsx() if name == "tsx" else grammar.language_typescript())


@cache
def parser(name: str):
    import tree_sitter

    return tree_sitter.Parser(language(name))


@cache
def query(lang: str, text: str):
    import tree_sitter

    return tree_sitter.Query(language(lang), text)


def matches(lang: str, text: str, node) -> list[tuple[int, dict]]:
    """(pattern index, captures) of every match of query ``text`` under ``node``."""
    import tree_sitter

    return tree_sitter.QueryCursor(query(lang, text)).matches(node)



def operator(node) -> str | None:
    """The operator token of a binary node (``+``, ``or``…), whatever the grammar calls the node."""
    op = node.child_by_field_name("operator")
    return op.type if op is not None else None


def concatenation(node, binary: str, joined: frozenset[str] = frozenset()) -> tuple[object, list]:
    """The whole ``a + b + (c + d)`` that ``node`` is part of, and its operands in order (only ``node`` when it
    is part of none). ``binary`` is the grammar's binary-expression node; ``joined`` are node types whose named
    children are concatenated too (Python's implicit ``"a" "b"``)."""
    top = node
    while top.parent is not None and (top.parent.type == "parenthesized_expression" or top.parent.type in joined
                                      or (top.parent.type == binary and operator(top.parent) == "+")):
        top = top.parent
    leaves, stack = [], [top]
    while stack:
        n = stack.pop()
        if n.type == "parenthesized_expression" and n.named_child_count == 1:
            stack.append(n.named_children[0])
        elif n.type in joined:
            stack += reversed([c for c in n.named_children if c.type != "comment"])
        elif n.type == binary and operator(n) == "+":
            stack += [n.child_by_field_name("right"), n.child_by_field_name("left")]
        else:
            leaves.append(n)
    return top, leaves

class Source:
    def __init__(self, shown: str, data: bytes, lang: str):
        self.shown = shown
        self.data = data
        self.lang = lang
        self.ascii = data.isascii()  # then a column is a byte count, no decoding needed
        self.starts = [0]
        pos = data.find(b"\n")
        while pos >= 0:
            self.starts.append(pos + 1)
            pos = data.find(b"\n", pos + 1)
        self.tree = parser(lang).parse(data)

    @property
    def root(self):
        return self.tree.root_node

    def first_error(self) -> int:
        """The byte where the first syntax error (an ERROR or MISSING node) stands."""
        for _i, caps in matches(self.lang, "(ERROR) @e", self.root)[:1]:
            return caps["e"][0].start_byte
        cursor = self.root.walk()  # a MISSING node only: walk to it
        while True:
            node = cursor.node
            if node.is_missing:
                return node.start_byte
            if node.has_error and cursor.goto_first_child():
                continue
            while not cursor.goto_next_sibling():
                if not cursor.goto_parent():
                    return 0

    def text(self, node) -> str:
        return self.data[node.start_byte:node.end_byte].decode("utf-8", "replace")

    def site_at(self, byte: int) -> Site:
        row = bisect.bisect_right(self.starts, byte) - 1
        start = self.starts[row]
        col = byte - start + 1 if self.ascii else len(self.data[start:byte].decode("utf-8", "replace")) + 1
        return Site(self.shown, row + 1, col)

    def site(self, node) -> Site:
        return self.site_at(node.start_byte)

    def line_text(self, line: int) -> str:
        """Line ``line`` (1-based) without its newline; "" past the end."""
        if line < 1 or line > len(self.starts):
            return ""
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.data)
        return self.data[self.starts[line - 1]:end].decode("utf-8", "replace")

    def byte_of(self, start_byte: int, text: str, offset: int) -> int:
        """The byte where character ``offset`` of ``text`` (which starts at ``start_byte``) stands."""
        return start_byte + len(text[:offset].encode("utf-8"))
