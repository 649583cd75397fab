"""How a schema file spells a possibly qualified type name (``enum_type: sales."Job Status"``).

A part is taken exactly as written (names in jobschema are exact, never case-folded); double quotes are
needed only around a part holding a dot or a double quote, and ``""`` inside them is one quote.
"""

from __future__ import annotations


class TypeNameError(ValueError):
    """A type name that cannot be read."""


def parse_type_name(text: str) -> tuple[str | None, str]:
    """``name`` → (None, name); ``ns.name`` → (ns, name); quoted parts unquoted."""
    parts: list[str] = []
    i, n = 0, len(text)
    while True:
        if i < n and text[i] == '"':
            j, buf = i + 1, []
            while True:
                k = text.find('"', j)
                if k < 0:
                    raise TypeNameError(f"unclosed double quote in {text!r}")
                buf.append(text[j:k])
                if text[k + 1:k + 2] == '"':
                    buf.append('"')
                    j = k + 2
                    continue
                i = k + 1
                break
            parts.append("".join(buf))
        else:
            k = text.find(".", i)
            part = text[i:] if k < 0 else text[i:k]
            if '"' in part:
                raise TypeNameError(f"a double quote inside an unquoted name in {text!r}; quote the whole part")
            parts.append(part)
            i = n if k < 0 else k
        if i >= n:
            break
        if text[i] != ".":
            raise TypeNameError(f"expected a dot after a quoted name in {text!r}")
        i += 1
    if len(parts) > 2:
        raise TypeNameError(f"{text!r} has more than two parts; write name or namespace.name")
    for p in parts:
        if not p or p != p.strip() or "\x00" in p or len(p.encode("utf-8")) > 63:
            raise TypeNameError(f"{text!r} is not a usable type name (parts are 1-63 bytes, no outer spaces)")
    return (parts[0], parts[1]) if len(parts) == 2 else (None, parts[0])


def _part(name: str) -> str:
    if "." in name or '"' in name:
        return '"' + name.replace('"', '""') + '"'
    return name


def format_type_name(namespace: str | None, name: str) -> str:
    """The spelling ``parse_type_name`` reads back as (namespace, name)."""
    return _part(name) if namespace is None else f"{_part(namespace)}.{_part(name)}"
