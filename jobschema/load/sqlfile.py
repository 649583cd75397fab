"""Read the SQL files of a module (views, functions, triggers) into the facts the model keeps.

Files hold whole ``CREATE`` statements as their authors would run them. The dialect's splitter cuts them
into statements (quotes, dollar quotes, comments and ``BEGIN ... END`` bodies aware) and headers are read
with small patterns: sqlglot cannot parse PL/pgSQL bodies, and the body is kept verbatim anyway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dialects.base import DEFAULT, get
from ..errors import LoadError
from ..statement import Statement


def split_statements(sql: str, dialect: str | None = None) -> list[Statement]:
    """The file's statements, split by its dialect's splitter (``dialects/<name>/split.py``, the one lint and
    migrate use); a file for every dialect is written in PostgreSQL SQL."""

    return get(dialect or DEFAULT).split(sql)


# ---------------------------------------------------------------------------------------------- views

_IDENT = r'(?:"(?:[^"]|"")+"|`(?:[^`]|``)+`|[A-Za-z_][A-Za-z0-9_$]*)'
_QNAME = rf"{_IDENT}(?:\s*\.\s*{_IDENT})?"

_VIEW_RE = re.compile(
    r"^CREATE\s+(?:OR\s+REPLACE\s+)?"
    r"(?:ALGORITHM\s*=\s*(?P<algorithm>\w+)\s+)?"
    r"(?:DEFINER\s*=\s*\S+\s+)?"
    r"(?:SQL\s+SECURITY\s+(?P<security>\w+)\s+)?"
    r"(?P<materialized>MATERIALIZED\s+)?VIEW\s+(?:IF\s+NOT\s+EXISTS\s+)?"
    rf"(?P<name>{_QNAME})\s*"
    r"(?:\((?P<columns>[^)]*)\)\s*)?"
    r"(?:WITH\s*\((?P<options>[^)]*)\)\s*)?"
    r"AS\s+(?P<query>.*?)"
    r"(?:\s+WITH\s+(?P<check>CASCADED\s+|LOCAL\s+)?CHECK\s+OPTION)?"
    r"(?:\s+WITH\s+(?P<nodata>NO\s+)?DATA)?\s*$",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True)
class ViewHead:
    name: str
    namespace: str | None
    query: str
    materialized: bool
    algorithm: str | None
    security: str | None
    security_option: bool  # spelled WITH (security_invoker=...) rather than SQL SECURITY
    columns: tuple[str, ...]
    check_option: str | None


def unquote(ident: str) -> str:
    ident = ident.strip()
    if len(ident) >= 2 and ident[0] == ident[-1] and ident[0] in '"`':
        q = ident[0]
        return ident[1:-1].replace(q + q, q)
    return ident.lower()


def split_qualified(qname: str) -> tuple[str | None, str]:
    parts = re.findall(_IDENT, qname)
    if len(parts) == 2:
        return unquote(parts[0]), unquote(parts[1])
    return None, unquote(parts[0])


def parse_view(stmt: Statement, file: str) -> ViewHead:
    m = _VIEW_RE.match(stmt.text)
    if not m:
        raise LoadError("not a CREATE VIEW statement", file, stmt.line, 1,
                        "a view file starts with CREATE [MATERIALIZED] VIEW name AS SELECT ...")
    ns, name = split_qualified(m.group("name"))
    security = m.group("security")
    options = (m.group("options") or "").lower().replace(" ", "")
    if "security_invoker=true" in options or "security_invoker=on" in options:
        security = "INVOKER"
    cols = tuple(unquote(c) for c in (m.group("columns") or "").split(",") if c.strip())
    check = None
    if m.group("check") is not None or re.search(r"CHECK\s+OPTION\s*$", stmt.text, re.I):
        check = (m.group("check") or "CASCADED").strip().upper()
    return ViewHead(
        name=name,
        namespace=ns,
        query=m.group("query").strip(),
        materialized=bool(m.group("materialized")),
        algorithm=m.group("algorithm").upper() if m.group("algorithm") else None,
        security=security.upper() if security else None,
        security_option=bool(security) and not m.group("security"),
        columns=cols,
        check_option=check,
    )


# ------------------------------------------------------------------------------------------ functions

_FUNC_RE = re.compile(
    r"^CREATE\s+(?:OR\s+REPLACE\s+)?(?:DEFINER\s*=\s*\S+\s+)?(?P<kind>FUNCTION|PROCEDURE)\s+"
    r"(?:IF\s+NOT\s+EXISTS\s+)?"
    rf"(?P<name>{_QNAME})\s*\(",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True)
class FunctionHead:
    name: str
    namespace: str | None
    kind: str
    arguments: str
    returns: str | None
    language: str
    body: str
    security_definer: bool
    search_path: str | None = None
    options: tuple[str, ...] = ()


def _balanced(text: str, open_at: int) -> int:
    """Index of the parenthesis closing the one at ``open_at``."""
    depth = 0
    i = open_at
    while i < len(text):
        c = text[i]
        if c in "'\"":
            j = text.find(c, i + 1)
            i = len(text) if j < 0 else j + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def normalize_arguments(args: str) -> str:
    parts, depth, cur = [], 0, ""
    for c in args:
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        if c == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += c
    if cur.strip():
        parts.append(cur)
    out = []
    for p in parts:
        p = re.split(r"\s+(?:DEFAULT\b|=)", " ".join(p.split()), maxsplit=1, flags=re.I)[0]
        out.append(p)
    return ", ".join(out)


def parse_function(stmt: Statement, file: str) -> FunctionHead:
    m = _FUNC_RE.match(stmt.text)
    if not m:
        raise LoadError("not a CREATE FUNCTION or CREATE PROCEDURE statement", file, stmt.line, 1,
                        "a function file holds one CREATE [OR REPLACE] FUNCTION statement")
    ns, name = split_qualified(m.group("name"))
    close = _balanced(stmt.text, m.end() - 1)
    if close < 0:
        raise LoadError("unbalanced parentheses in the argument list", file, stmt.line, 1)
    args = normalize_arguments(stmt.text[m.end():close])
    rest = stmt.text[close + 1:]
    body_m = re.search(r"(\$[A-Za-z_0-9]*\$)(.*?)\1", rest, re.DOTALL)
    if body_m:
        body = body_m.group(2).strip()
        outside = rest[: body_m.start()] + " " + rest[body_m.end():]
    else:
        bm = re.search(r"\b(BEGIN\b.*|RETURN\b.*|AS\s+'.*)$", rest, re.I | re.DOTALL)
        body = bm.group(1).strip() if bm else rest.strip()
        outside = rest[: bm.start()] if bm else rest
    ret = re.search(r"\bRETURNS\s+(.+?)(?=\s+(?:LANGUAGE|AS|SECURITY|SET|STABLE|IMMUTABLE|VOLATILE|"
                    r"DETERMINISTIC|NOT|READS|MODIFIES|NO|CONTAINS|COMMENT|STRICT|PARALLEL|COST|ROWS|"
                    r"BEGIN|RETURN|CALLED)\b|\s*$)", outside, re.I | re.DOTALL)
    lang = re.search(r"\bLANGUAGE\s+'?(\w+)'?", outside, re.I)
    return FunctionHead(
        name=name,
        namespace=ns,
        kind=m.group("kind").lower(),
        arguments=args,
        returns=" ".join(ret.group(1).split()) if ret else None,
        language=lang.group(1).lower() if lang else "sql",
        body=body,
        security_definer=bool(re.search(r"\bSECURITY\s+DEFINER\b", outside, re.I)),
        search_path=_search_path(outside),
        options=function_options(outside, lang.group(1).lower() if lang else "sql"),
    )


def function_options(header: str, language: str) -> tuple[str, ...]:
    """The PostgreSQL function attributes ``header`` declares that are not the defaults, in one canonical
    spelling (``RETURNS NULL ON NULL INPUT`` is STRICT; ``COST`` only where it is not the language's default)."""
    words = " ".join(re.sub(r"'(?:[^']|'')*'", "''", header).upper().split())
    out = []
    vol = re.search(r"\b(IMMUTABLE|STABLE)\b", words)
    if vol:
        out.append(vol.group(1))
    if re.search(r"\bSTRICT\b|\bRETURNS NULL ON NULL INPUT\b", words):
        out.append("STRICT")
    if re.search(r"(?<!NOT )\bLEAKPROOF\b", words):
        out.append("LEAKPROOF")
    par = re.search(r"\bPARALLEL (SAFE|RESTRICTED)\b", words)
    if par:
        out.append(f"PARALLEL {par.group(1)}")
    cost = re.search(r"\bCOST (\d+(?:\.\d+)?)\b", words)
    if cost and float(cost.group(1)) != (1 if language in ("c", "internal") else 100):
        out.append(f"COST {float(cost.group(1)):g}")
    rows = re.search(r"\bROWS (\d+(?:\.\d+)?)\b", words)
    if rows and float(rows.group(1)) != 1000:
        out.append(f"ROWS {float(rows.group(1)):g}")
    return tuple(out) + _settings(header)


_SETTING = re.compile(r"\bSET\s+(\w+)\s*(?:=|\bTO\b)\s*('(?:[^']|'')*'|[^\s']+)", re.IGNORECASE)


def _settings(header: str) -> tuple[str, ...]:
    """The function's ``SET name = value`` options but search_path (read on its own), by name, each value
    as a literal: the spelling inspect reads from ``proconfig``."""
    found = {}
    for m in _SETTING.finditer(header):
        name, value = m.group(1).lower(), m.group(2)
        if name != "search_path":
            value = value[1:-1].replace("''", "'") if value.startswith("'") else value
            found[name] = "'" + value.replace("'", "''") + "'"
    return tuple(f"SET {name} = {found[name]}" for name in sorted(found))


_SEARCH_PATH = re.compile(
    r"\bSET\s+search_path\s*(?:=|\bTO\b)\s*(.+?)(?=\s+(?:LANGUAGE|AS|SECURITY|SET|STABLE|IMMUTABLE|VOLATILE|"
    r"STRICT|CALLED|RETURNS|PARALLEL|COST|ROWS|LEAKPROOF|NOT|WINDOW|TRANSFORM|SUPPORT|EXTERNAL)\b|\s*$)",
    re.IGNORECASE | re.DOTALL)


def _search_path(header: str) -> str | None:
    """The function's own ``SET search_path`` as written (SECURITY DEFINER functions need it pinned)."""
    m = _SEARCH_PATH.search(header)
    return " ".join(m.group(1).split()) if m else None


_TRIGGER_RE = re.compile(
    r"^CREATE\s+(?:OR\s+REPLACE\s+)?(?:DEFINER\s*=\s*\S+\s+)?(?:CONSTRAINT\s+)?TRIGGER\s+"
    rf"(?:IF\s+NOT\s+EXISTS\s+)?(?P<name>{_IDENT})\s+"
    r"(?P<timing>BEFORE|AFTER|INSTEAD\s+OF)\s+(?P<events>.+?)\s+ON\s+"
    rf"(?P<table>{_QNAME})(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True)
class TriggerHead:
    name: str
    table: str
    namespace: str | None
    timing: str
    events: tuple[str, ...]
    function: str | None


def parse_trigger(stmt: Statement, file: str) -> TriggerHead:
    m = _TRIGGER_RE.match(stmt.text)
    if not m:
        raise LoadError("not a CREATE TRIGGER statement", file, stmt.line, 1,
                        "a trigger file holds one CREATE TRIGGER name BEFORE|AFTER ... ON table ...")
    ns, table = split_qualified(m.group("table"))
    events = tuple(sorted(e.strip().split()[0].upper() for e in re.split(r"\s+OR\s+", m.group("events"))))
    fn = re.search(rf"EXECUTE\s+(?:FUNCTION|PROCEDURE)\s+({_QNAME})\s*\(", m.group("rest"), re.I)
    return TriggerHead(
        name=unquote(m.group("name")),
        table=table,
        namespace=ns,
        timing=" ".join(m.group("timing").upper().split()),
        events=events,
        function=fn.group(1) if fn else None,
    )
