"""What the audit's finding converters share: code registration, the ``Finding`` of a change, the dispatch
table keyed by Change class, and the one-line descriptions of columns, keys, indexes, policies and views
that ``expected``/``actual`` show."""

from __future__ import annotations

from collections.abc import Callable

from .. import codes
from ..finding import Finding, Severity
from ..model.objects import PORTABLE
from . import changes as ch
from .counts import quote_value


def register(code: str, title: str, owner: str) -> str:
    """Claim an audit code for the module (``owner``) whose converters report it."""
    return codes.claim(code, title, "audit", owner)


_q = quote_value


def _vals(values) -> str:
    return ", ".join(values)


def _finding(c: ch.Change, code: str, message: str, expected=None, actual=None, hint=None, data=None,
             severity: Severity | None = None) -> Finding:
    return Finding(code=code, severity=severity or c.severity, path=c.path, message=message,
                   expected=None if expected is None else str(expected),
                   actual=None if actual is None else str(actual), hint=hint, module=c.module,
                   data=data or {})


def _identity_text(col) -> str:
    """``always``, ``by default (start 10, increment 10)`` or ``none``."""
    if not col.identity:
        return "none"
    o = col.identity_options
    if o is None:
        return col.identity
    opts = [f"{k.replace('_', ' ')} {getattr(o, k)}" for k in ("start", "increment", "min_value", "max_value", "cache")
            if getattr(o, k) is not None] + (["cycle"] if o.cycle else [])
    return f"{col.identity} ({', '.join(opts)})"


def _col_decl(h, col) -> str:
    out = h.native_type(col) if h else col.type
    out += "" if col.nullable else " NOT NULL"
    d = h.default_text(col) if h else None
    if d is not None:
        out += f" DEFAULT {d}"
    return out


_DISPATCH: dict[type, Callable] = {}


def converts(cls: type):
    def deco(fn):
        _DISPATCH[cls] = fn
        return fn
    return deco


def _live(c: ch.Change) -> str:
    return f" (live name {c.live_name})" if c.live_name and c.live_name != c.name else ""


def _check_text(h, chk) -> str | None:
    if chk is None:
        return None
    text = h.sql_text(chk.expression) if h else chk.expression.text
    if chk.inline:
        text = f"{text} (on column {chk.name})"
    return text + " NO INHERIT" if chk.no_inherit else text


def _cols(cols) -> str:
    return "(" + ", ".join(cols) + ")"


def _unique(u) -> str:
    return _cols(u.columns) + (" NULLS NOT DISTINCT" if u.nulls_not_distinct else "")


def _index(h, ix) -> str:
    if ix is None:
        return "absent"
    parts = []
    for p in ix.parts:
        s = p.column if p.column is not None else f"({h.sql_text(p.expression) if h else p.expression})"
        if p.opclass:
            s += f" {p.opclass}"
        if p.descending:
            s += " DESC"
        parts.append(s)
    out = ("UNIQUE " if ix.unique else "") + f"{ix.method} ({', '.join(parts)})"
    if ix.include:
        out += f" INCLUDE ({', '.join(ix.include)})"
    if ix.where is not None:
        out += f" WHERE {h.sql_text(ix.where) if h else ix.where}"
    if ix.parser:
        out += f" WITH PARSER {ix.parser}"
    if ix.ignored:
        out += " IGNORED"
    return out


def _fk(fk) -> str:
    ref = f"{fk.ref_namespace + '.' if fk.ref_namespace else ''}{fk.ref_table}{_cols(fk.ref_columns)}"
    out = f"{_cols(fk.columns)} → {ref} ON DELETE {fk.on_delete.upper()}"
    if fk.on_delete_columns:
        out += _cols(fk.on_delete_columns)
    out += f" ON UPDATE {fk.on_update.upper()}"
    if fk.match != "simple":
        out += f" MATCH {fk.match.upper()}"
    if fk.deferrable:
        out += " DEFERRABLE" + (" INITIALLY DEFERRED" if fk.initially_deferred else "")
    return out


def _policy(h, p) -> str:
    if p is None:
        return "absent"
    out = f"{'PERMISSIVE' if p.permissive else 'RESTRICTIVE'} FOR {p.command.upper()} TO {', '.join(p.roles)}"
    if p.using is not None:
        out += f" USING ({h.sql_text(p.using) if h else p.using})"
    if p.with_check is not None:
        out += f" WITH CHECK ({h.sql_text(p.with_check) if h else p.with_check})"
    return out


def _view_def(h, v) -> str | None:
    if v is None:
        return None
    q = v.definition(h.dialect if h else PORTABLE)  # without a dialect only the shared text is known
    return " ".join(q.split()) if q else None


def _trigger(t) -> str:
    return f"{t.timing} {' OR '.join(t.events)} EXECUTE {t.function or '?'}"
