"""A small YAML writer that produces what a person writes: block mappings, compact flow for short items.

PyYAML's dumper cannot mix styles per item, so this writes the text itself. Every scalar is checked
against PyYAML's own resolver: a value is written plain only when reading it back gives the same
string, otherwise it is double-quoted (JSON escapes are valid YAML). Output is deterministic: keys keep
the order the caller gives.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

WIDTH = 110  # a flow item or folded line longer than this goes to block style / the next line
# plain scalars: start with a letter, digit or a few safe signs; in block context also quotes, commas,
# semicolons and the like in the middle (": " and " #" never: they end a plain scalar)
_PLAIN = re.compile(r"^[A-Za-z0-9_$(][A-Za-z0-9_ ().+\-/$',;:!?=<>*&%@\"\[\]{}|~^]*$")
_PLAIN_FLOW = re.compile(r"^[A-Za-z0-9_$(][A-Za-z0-9_ ().+\-/$'=<>*]*$")


def scalar(value, flow: bool = False) -> str:
    """One scalar as YAML text: plain when it reads back unchanged, else double-quoted."""
    return _scalar(type(value).__name__, value, flow)  # the type is part of the cache key: 0 == False


@lru_cache(maxsize=65536)
def _scalar(_kind: str, value, flow: bool) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        if text in ("inf", "-inf", "nan"):
            return {"inf": ".inf", "-inf": "-.inf", "nan": ".nan"}[text]
        return text if _reads_as(text, value) else json.dumps(text)
    text = str(value)
    pattern = _PLAIN_FLOW if flow else _PLAIN
    if (text and text == text.strip() and "  " not in text and pattern.match(text) and ": " not in text
            and " #" not in text and not text.endswith(":") and _reads_as(text, text)):
        return text
    return json.dumps(text, ensure_ascii=False)


def _reads_as(text: str, value) -> bool:
    try:
        back = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError:
        return False
    return type(back) is type(value) and back == value


def _foldable(text: str) -> bool:
    """Whether ``>-`` reproduces ``text`` exactly: one line, single spaces, nothing YAML treats specially."""
    return (len(text) > 60 and "\n" not in text and text == text.strip() and "  " not in text
            and "\t" not in text and text.isprintable() and not text.startswith(("#", "!", "&", "*", "%", "@", "`")))


def _literal_ok(text: str) -> bool:
    lines = text.split("\n")
    return ("\n" in text and not text.endswith("\n") and not text.startswith((" ", "\n"))
            and all(ln == ln.rstrip() and "\t" not in ln and ln.isprintable() for ln in lines))


def _fold(text: str, indent: int) -> list[str]:
    words = text.split(" ")
    lines, cur = [], ""
    limit = max(40, WIDTH - indent)
    for w in words:
        if cur and len(cur) + 1 + len(w) > limit:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    lines.append(cur)
    return lines


def flow(value) -> str | None:
    """The flow form of a value, or None when it has nested mappings in lists (kept block)."""
    if isinstance(value, dict):
        items = []
        for k, v in value.items():
            inner = flow(v)
            if inner is None:
                return None
            items.append(f"{scalar(k, True)}: {inner}")
        return "{" + ", ".join(items) + "}"
    if isinstance(value, (list, tuple)):
        items = []
        for v in value:
            inner = flow(v)
            if inner is None:
                return None
            items.append(inner)
        return "[" + ", ".join(items) + "]"
    return scalar(value, True)


def _block_string(key_prefix: str, text: str, indent: int) -> list[str] | None:
    pad = " " * (indent + 2)
    if _literal_ok(text):
        return [f"{key_prefix}|-"] + [pad + ln if ln else "" for ln in text.split("\n")]
    if _foldable(text) and len(key_prefix) + len(text) > WIDTH:
        return [f"{key_prefix}>-"] + [pad + ln for ln in _fold(text, indent + 2)]
    return None


def mapping_lines(d: dict, indent: int = 0, first_prefix: str | None = None) -> list[str]:
    """Block mapping lines; ``first_prefix`` replaces the indentation of the first line (for ``- `` items)."""
    out: list[str] = []
    pad = " " * indent
    for i, (k, v) in enumerate(d.items()):
        lead = first_prefix if (i == 0 and first_prefix is not None) else pad
        key = f"{lead}{scalar(k)}: "
        out.extend(_value_lines(key, v, indent))
    return out


def _value_lines(key: str, v, indent: int) -> list[str]:
    if isinstance(v, str):
        block = _block_string(key, v, indent)
        if block is not None:
            return block
        return [key + scalar(v)]
    if isinstance(v, dict):
        if not v:
            return [key + "{}"]
        f = flow(v)
        if f is not None and len(key) + len(f) <= WIDTH and not _has_long_text(v):
            return [key + f]
        return [key.rstrip()] + mapping_lines(v, indent + 2)
    if isinstance(v, (list, tuple)):
        if not v:
            return [key + "[]"]
        f = None if any(isinstance(x, dict) for x in v) else flow(v)
        if f is not None and len(key) + len(f) <= WIDTH and not _has_long_text(v):
            return [key + f]
        out = [key.rstrip()]
        for item in v:
            out.extend(_list_item(item, indent + 2))
        return out
    return [key + scalar(v)]


def _has_long_text(v) -> bool:
    if isinstance(v, str):
        return "\n" in v
    if isinstance(v, dict):
        return any(_has_long_text(x) for x in v.values())
    if isinstance(v, (list, tuple)):
        return any(_has_long_text(x) for x in v)
    return False


def _list_item(item, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(item, dict) and item:
        f = flow(item)
        if f is not None and indent + 2 + len(f) <= WIDTH and not _has_long_text(item):
            return [f"{pad}- {f}"]
        return mapping_lines(item, indent + 2, first_prefix=f"{pad}- ")
    if isinstance(item, (list, tuple)):
        f = flow(item)
        return [f"{pad}- {f}"]
    if isinstance(item, str):
        block = _block_string(f"{pad}- ", item, indent)
        if block is not None:
            return block
    return [f"{pad}- {scalar(item)}"]


def document(d: dict, header: str | None = None) -> str:
    lines = [header] if header else []
    lines.extend(mapping_lines(d))
    return "\n".join(lines) + "\n"
