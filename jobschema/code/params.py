"""Values passed through a function's parameters: ``setStatus(id, 'paused')`` calling
``function setStatus(id, status) { db.from('t').update({ status }) }`` writes ``'paused'``.

Only what the file proves is taken: the function is declared once, by name, at a place its calls name it
(not a method), the parameter is never assigned in its body, and every other mention of the name in the
file is a direct call — then each call's argument is read as any value is, at the call's own place.
Callers the file cannot show (an exported function, any Python function, which another module may
import) keep the parameter counted as not a literal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .source import matches


@dataclass(frozen=True)
class Grammar:
    functions: frozenset[str]  # nodes that bind parameters (the nearest one is the value's)
    holders: frozenset[str]  # a node that names its function: ``const f = () => …`` (the declarator)
    parameters: str  # the field holding the parameter list
    single: str | None  # the field of an arrow function's one unparenthesised parameter
    rest: frozenset[str]  # ``...r``, ``*args``, ``**kw``: positions after it are not known
    writes: frozenset[str]  # assignments: a parameter written in the body is not the caller's value
    keyword: str | None  # Python's ``f(status='x')``
    spreads: frozenset[str]  # ``f(...xs)``, ``f(*xs)``: the arguments are not seen
    classes: frozenset[str]  # a function directly in a class body is a method: called as ``self.m()``
    exported: frozenset[str]  # a declaration under one of these is visible to other modules
    importable: bool  # every top-level function may be imported (Python)
    calls: str  # tree-sitter query: direct calls by name


JS = Grammar(functions=frozenset({"function_declaration", "function_expression", "arrow_function",
                                  "generator_function_declaration", "generator_function", "method_definition"}),
             holders=frozenset({"variable_declarator"}), parameters="parameters", single="parameter",
             rest=frozenset({"rest_pattern"}),
             writes=frozenset({"assignment_expression", "augmented_assignment_expression", "update_expression"}),
             keyword=None, spreads=frozenset({"spread_element"}), classes=frozenset({"class_body"}),
             exported=frozenset({"export_statement"}), importable=False,
             calls="(call_expression function: (identifier) @f arguments: (arguments) @args) @call")
PYTHON = Grammar(functions=frozenset({"function_definition", "lambda"}), holders=frozenset(), parameters="parameters",
                 single=None, rest=frozenset({"list_splat_pattern", "dictionary_splat_pattern", "keyword_separator"}),
                 writes=frozenset({"assignment", "augmented_assignment", "for_statement", "named_expression"}),
                 keyword="keyword_argument", spreads=frozenset({"list_splat", "dictionary_splat"}),
                 classes=frozenset({"class_definition"}), exported=frozenset(), importable=True,
                 calls="(call function: (identifier) @f arguments: (argument_list) @args) @call")


def _function_of(node, g: Grammar):
    p = node.parent
    while p is not None and p.type not in g.functions:
        p = p.parent
    return p


def _name_of(fn, g: Grammar, src) -> tuple[str | None, object]:
    """The function's name and the node that declares it (for ``export``), or None when calls cannot name it
    (a method, called through its object; a lambda)."""
    if fn.type in ("method_definition", "lambda"):
        return None, None
    name = fn.child_by_field_name("name")
    if name is not None:
        return src.text(name), fn
    holder = fn.parent
    if holder is not None and holder.type in g.holders:
        target = holder.child_by_field_name("name")
        if target is not None and target.type == "identifier" and holder.child_by_field_name("value") == fn:
            return src.text(target), holder
    return None, None


def _parameter(fn, name: str, g: Grammar, src) -> tuple[int, str, object] | None:
    """(position, name, default value node) of parameter ``name``; None when it is not a plain parameter."""
    single = fn.child_by_field_name(g.single) if g.single else None
    if single is not None:
        return (0, name, None) if single.type == "identifier" and src.text(single) == name else None
    params = fn.child_by_field_name(g.parameters)
    if params is None:
        return None
    for i, p in enumerate(c for c in params.named_children if c.type != "comment"):
        if p.type in g.rest:
            return None
        ident, default = p, None
        if p.type != "identifier":
            ident = (p.child_by_field_name("pattern") or p.child_by_field_name("name")
                     or p.child_by_field_name("left") or (p.named_children[0] if p.named_children else None))
            default = p.child_by_field_name("value") or p.child_by_field_name("right")
        if ident is not None and ident.type == "identifier" and src.text(ident) == name:
            return i, name, default
    return None


def _written(body, name: str, g: Grammar, src) -> bool:
    stack = [body]
    while stack:
        n = stack.pop()
        if n.type in g.writes:
            target = n.child_by_field_name("left") or n.child_by_field_name("argument") or n.child_by_field_name("name")
            if target is not None and name in re.findall(r"[\w$]+", src.text(target)):
                return True
        stack.extend(n.named_children)
    return False


def _exported(decl, g: Grammar) -> bool:
    p = decl
    for _ in range(3):  # ``export function f``, ``export const f = () => …``
        if p is None:
            return False
        if p.type in g.exported:
            return True
        p = p.parent
    return False


_WORD = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$")


def _mentions(data: bytes, name: bytes) -> tuple[int, set[int]]:
    """How often ``name`` stands as a whole word in ``data`` (comments and strings included: any of them
    may be a use the tree does not show as a call), and where the mentions that may be calls (a ``(``,
    ``<`` or ``?`` after them) end."""
    count, calls, at = 0, set(), data.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or data[at - 1] not in _WORD) and (end >= len(data) or data[end] not in _WORD):
            count += 1
            if data[end:end + 64].lstrip()[:1] in (b"(", b"<", b"?"):
                calls.add(end)
        at = data.find(name, end)
    return count, calls


def values(chains, node, g: Grammar, seen: frozenset = frozenset()) -> tuple[list, bool] | None:
    """The values the file's calls pass to the parameter ``node`` names, and whether callers it cannot
    show may pass others; None when ``node`` is not a parameter whose calls can be read."""
    src = chains.src
    name = src.text(node)
    fn = _function_of(node, g)
    if fn is None or (fn.parent is not None and (fn.parent.type in g.classes or (
            fn.parent.parent is not None and fn.parent.parent.type in g.classes))):
        return None
    fname, decl = _name_of(fn, g, src)
    if fname is None:
        return None
    mentions, callable_at = _mentions(src.data, fname.encode())
    declared = decl.child_by_field_name("name")
    if len(callable_at - {declared.end_byte if declared is not None else -1}) < mentions - 1 or mentions < 2:
        return None  # a mention that cannot be a call: passed around (or no call at all)
    param = _parameter(fn, name, g, src)
    body = fn.child_by_field_name("body")
    if param is None or body is None or (fname, param[0]) in seen:
        return None
    if chains.calls is None:  # the file's direct calls by name, found once
        chains.calls = {}
        for _i, caps in matches(src.lang, g.calls, src.root):
            chains.calls.setdefault(src.text(caps["f"][0]), []).append((caps["call"][0], caps["args"][0]))
    calls = chains.calls.get(fname, [])
    if mentions != len(calls) + 1 or _written(body, name, g, src):  # passed around, shadowed, declared
        return None  # twice, or the parameter is assigned: not followed
    found, unresolved = [], g.importable or _exported(decl, g)
    for _call, args in calls:
        items = [a for a in args.named_children if a.type != "comment"]
        if any(a.type in g.spreads for a in items):
            unresolved = True
            continue
        by_name = [a for a in items if a.type == g.keyword]
        positional = [a for a in items if a.type != g.keyword]
        arg = next((a.child_by_field_name("value") for a in by_name
                    if src.text(a.child_by_field_name("name")) == name), None)
        if arg is None and param[0] < len(positional):
            arg = positional[param[0]]
        if arg is None:
            arg = param[2]  # the default, or nothing (undefined, None): not a string either way
        if arg is None:
            continue
        f, x = chains.values(arg, seen | {(fname, param[0])})
        found += f
        unresolved = unresolved or x
    return found, unresolved
