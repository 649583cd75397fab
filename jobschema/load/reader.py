"""``Reader``: reads raw YAML values into typed ones and collects every error with its position, so a
user sees all the problems of a schema at once."""

from __future__ import annotations

import difflib
from typing import Any

from ..dialects.base import DEFAULT, names
from ..errors import LoadError
from ..model import expr as exprmod
from ..model.objects import Origin, Sql
from .yaml_source import Pos, YDict, YList


class Reader:
    """Collects errors while reading raw mappings into model objects."""

    def __init__(self) -> None:
        self.errors: list[LoadError] = []

    def err(self, pos: Pos, message: str, hint: str | None = None) -> None:
        self.errors.append(pos.error(message, hint))

    # -- shape helpers ----------------------------------------------------------------------------
    def mapping(self, value: Any, pos: Pos, what: str) -> YDict | None:
        if isinstance(value, YDict):
            return value
        self.err(pos, f"{what} must be a mapping, not {kind_of(value)}")
        return None

    def keys(self, d: YDict, allowed: dict[str, bool], what: str) -> bool:
        ok = True
        for key in d:
            if not isinstance(key, str) or key not in allowed:
                close = difflib.get_close_matches(str(key), list(allowed), n=1)
                hint = f"did you mean {close[0]!r}?" if close else "known keys: " + ", ".join(sorted(allowed))
                self.err(d.kpos(key), f"unknown key {key!r} in {what}", hint)
                ok = False
        for key, required in allowed.items():
            if required and key not in d:
                self.err(d.pos, f"{what} lacks the required key {key!r}")
                ok = False
            elif required and d[key] is None:
                self.err(d.vpos(key), f"{what}.{key} is required but empty")
                ok = False
        return ok

    def string(self, d: YDict, key: str, what: str, default: str | None = None) -> str | None:
        if key not in d or d[key] is None:
            return default
        v = d[key]
        if isinstance(v, bool) or not isinstance(v, (str, int, float)):
            self.err(d.vpos(key), f"{what}.{key} must be a string, not {kind_of(v)}")
            return default
        return str(v)

    def name(self, d: YDict, key: str, what: str) -> str | None:
        v = self.string(d, key, what)
        if v is None:
            return None
        if not v.strip() or "\x00" in v or len(v.encode("utf-8")) > 63 or v != v.strip():
            self.err(d.vpos(key), f"{what}.{key} {v!r} is not a usable name",
                     "names are 1-63 bytes of UTF-8 without leading or trailing spaces")
            return None
        return v

    def boolean(self, d: YDict, key: str, what: str, default: bool) -> bool:
        if key not in d or d[key] is None:
            return default
        v = d[key]
        if not isinstance(v, bool):
            self.err(d.vpos(key), f"{what}.{key} must be true or false, not {v!r}")
            return default
        return v

    def strings(self, d: YDict, key: str, what: str, allow_scalar: bool = False) -> tuple[str, ...]:
        if key not in d or d[key] is None:
            return ()
        v = d[key]
        if allow_scalar and isinstance(v, str):
            return (v,)
        if not isinstance(v, YList):
            self.err(d.vpos(key), f"{what}.{key} must be a list, not {kind_of(v)}")
            return ()
        out = []
        for i, item in enumerate(v):
            if isinstance(item, bool) or not isinstance(item, (str, int, float)):
                self.err(v.ipos(i), f"{what}.{key}[{i}] must be a string, not {kind_of(item)}")
                continue
            out.append(str(item))
        return tuple(out)

    def choice(self, d: YDict, key: str, what: str, choices: tuple[str, ...], default: str) -> str:
        v = self.string(d, key, what)
        if v is None:
            return default
        norm = " ".join(v.lower().replace("_", " ").split())
        if norm not in choices:
            close = difflib.get_close_matches(norm, list(choices), n=1)
            hint = f"did you mean {close[0]!r}?" if close else "one of: " + ", ".join(choices)
            self.err(d.vpos(key), f"{what}.{key} {v!r} is not allowed", hint)
            return default
        return norm

    def sql(self, d: YDict, key: str, what: str, origin: Origin) -> Sql | None:
        """An expression: a string in PostgreSQL SQL, or {postgres: ..., mysql: ...}."""
        if key not in d or d[key] is None:
            return None
        v = d[key]
        pos = d.vpos(key)
        if isinstance(v, bool):
            return Sql("true" if v else "false")
        if isinstance(v, (int, float)):
            v = str(v)
        if isinstance(v, str):
            self.parse_check(v, DEFAULT, pos, f"{what}.{key}")
            return Sql(v)
        if isinstance(v, YDict):
            if not self.keys(v, {d: d == DEFAULT for d in names()}, f"{what}.{key}"):
                return None
            texts = {}
            for dialect in names():
                if dialect in v:
                    t = self.string(v, dialect, f"{what}.{key}")
                    if t is not None:
                        self.parse_check(t, dialect, v.vpos(dialect), f"{what}.{key}.{dialect}")
                        texts[dialect] = t
            if DEFAULT not in texts:
                return None
            return Sql(texts[DEFAULT], tuple((k, t) for k, t in texts.items() if k != DEFAULT))
        self.err(pos, f"{what}.{key} must be an SQL string or a mapping of dialect to SQL, not {kind_of(v)}")
        return None

    def parse_check(self, text: str, dialect: str, pos: Pos, what: str) -> None:
        problem = exprmod.parse_problem(text, dialect)
        if problem:
            self.err(pos, f"{what} is not a valid {dialect} expression: {problem}", f"got {text!r}")


def kind_of(v: Any) -> str:
    if v is None:
        return "nothing"
    if isinstance(v, bool):
        return "a boolean"
    if isinstance(v, dict):
        return "a mapping"
    if isinstance(v, list):
        return "a list"
    if isinstance(v, (int, float)):
        return "a number"
    return f"the text {v!r}" if len(str(v)) < 40 else "a string"


def origin_of(pos: Pos) -> Origin:
    return Origin(pos.file, pos.line, pos.col)
